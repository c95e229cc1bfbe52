import { Session } from 'chdb'

let shared: { session: Session; refs: number; loaded: Map<string, Promise<void>> } | null = null

/**
 * The process's chdb session. chdb's engine is a process-wide singleton that allows one data path at a time,
 * so every emulator of a process shares one session in a private temporary directory (never the shared cache
 * directory: another process — a parallel test file — may be using that).
 */
export function acquireSession(): { session: Session; loaded: Map<string, Promise<void>> } {
  if (shared === null) shared = { session: new Session(), refs: 0, loaded: new Map() }
  shared.refs++
  return shared
}

/** Releases one reference; the last one closes the session and deletes its temporary directory. */
export function releaseSession(): void {
  if (shared === null) return
  shared.refs--
  if (shared.refs > 0) return
  const { session } = shared
  shared = null
  session.cleanup()
}
