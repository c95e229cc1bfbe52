/** One `/api/` request as the emulator received and answered it. */
export interface LoggedRequest {
  method: string
  path: string
  /** The `Authorization: Bearer` value, or `null` without one. */
  key: string | null
  /** When the request arrived (the emulator's clock, epoch ms). */
  startMs: number
  /** When its answer was ready (headers; a streamed body may still be on its way), or `null` while in flight. */
  endMs: number | null
  /** The status answered, or `null` while in flight. */
  status: number | null
}

/**
 * What clients sent, for tests that check a client's own behaviour against PostHog's limits: how many requests of a
 * key were in the emulator at once (arrival to answer, so a request queued for PostHog's concurrency slot counts),
 * and which ones were answered 429. Not PostHog behaviour, only observation; bounded to the newest `capacity`.
 */
export class RequestLog {
  private readonly entries: LoggedRequest[] = []
  private readonly inFlight = new Map<string, number>()
  private readonly peaks = new Map<string, number>()

  constructor(private readonly capacity = 10_000) {}

  /** Records an arrival; call the returned function with the status when the answer is ready. */
  start(method: string, path: string, key: string | null, nowMs: number): (status: number, nowMs: number) => void {
    const entry: LoggedRequest = { method, path, key, startMs: nowMs, endMs: null, status: null }
    this.entries.push(entry)
    if (this.entries.length > this.capacity) this.entries.shift()
    const name = key ?? ''
    const running = (this.inFlight.get(name) ?? 0) + 1
    this.inFlight.set(name, running)
    this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, running))
    let ended = false
    return (status, endMs) => {
      if (ended) return
      ended = true
      entry.status = status
      entry.endMs = endMs
      this.inFlight.set(name, (this.inFlight.get(name) ?? 1) - 1)
    }
  }

  /** The requests recorded (oldest first), optionally of one key. */
  list(key?: string): readonly LoggedRequest[] {
    return this.entries.filter((entry) => key === undefined || entry.key === key).map((entry) => ({ ...entry }))
  }

  /** The most requests of the key that were in the emulator at once since the last {@link clear}. */
  peakConcurrency(key: string): number {
    return this.peaks.get(key) ?? 0
  }

  /** Forgets the recorded requests and peaks (requests in flight are still counted as they end). */
  clear(): void {
    this.entries.length = 0
    this.peaks.clear()
    for (const [key, running] of this.inFlight) if (running > 0) this.peaks.set(key, running)
  }
}
