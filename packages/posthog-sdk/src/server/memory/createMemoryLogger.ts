import type { LogFields, Logger } from '../ports/Logger'

/** One captured log line. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error'
  message: string
  fields: LogFields
}

/** A {@link Logger} that keeps every line, for tests that check what is (and is not) logged. */
export interface MemoryLogger extends Logger {
  readonly entries: LogEntry[]
}

/** Creates a {@link MemoryLogger}. */
export function createMemoryLogger(): MemoryLogger {
  const entries: LogEntry[] = []
  const at =
    (level: LogEntry['level']) =>
    (message: string, fields: LogFields = {}) => {
      entries.push({ level, message, fields: { ...fields } })
    }
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
