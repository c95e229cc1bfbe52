/**
 * The time port of the client: reading the time and waiting. Inject a manual clock in tests
 * (see {@link createManualClock}) so retries, backoff and rate limits are tested without real sleeps.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /**
   * Resolves after `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts.
   * Must not keep a Node process alive on its own longer than the wait.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** Calls `fn` after `ms` milliseconds; returns a function that cancels the call. */
  setTimer(ms: number, fn: () => void): () => void
}

/** The clock of the platform: `Date.now()` and `setTimeout`. Works in Node, browsers and edge runtimes. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const onAbort = () => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
  setTimer: (ms, fn) => {
    const timer = setTimeout(fn, ms)
    return () => clearTimeout(timer)
  },
}
