import type { Clock } from './Clock'

interface Timer {
  at: number
  seq: number
  fire: () => void
}

/** A {@link Clock} whose time only moves when told to; for tests of retries, backoff and rate limits. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in order (and letting their promise callbacks run). */
  advance(ms: number): Promise<void>
  /** Moves time to the next pending timer and fires it; false when none is pending. */
  runNext(): Promise<boolean>
  /** Runs timers until none is pending or `maxSteps` is reached. Returns the time advanced. */
  runAll(maxSteps?: number): Promise<number>
  /** Number of pending timers. */
  pending(): number
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

/**
 * Creates a manual clock starting at `startMs`.
 * @example
 * const clock = createManualClock()
 * const done = limiter.acquire()
 * await clock.advance(60_000)
 */
export function createManualClock(startMs = 0): ManualClock {
  let now = startMs
  let seq = 0
  const timers: Timer[] = []

  const schedule = (ms: number, fire: () => void): (() => void) => {
    const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, fire }
    timers.push(timer)
    return () => {
      const index = timers.indexOf(timer)
      if (index >= 0) timers.splice(index, 1)
    }
  }

  const nextDue = (until: number): Timer | undefined => {
    let best: Timer | undefined
    for (const t of timers) {
      if (t.at <= until && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t
    }
    return best
  }

  const fireOne = async (timer: Timer) => {
    timers.splice(timers.indexOf(timer), 1)
    now = Math.max(now, timer.at)
    timer.fire()
    await flush()
  }

  return {
    now: () => now,
    setTimer: schedule,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason)
          return
        }
        const onAbort = () => {
          cancel()
          reject(signal?.reason)
        }
        const cancel = schedule(ms, () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        })
        signal?.addEventListener('abort', onAbort, { once: true })
      }),
    async advance(ms) {
      await flush()
      const target = now + ms
      for (let t = nextDue(target); t; t = nextDue(target)) await fireOne(t)
      now = target
      await flush()
    },
    async runNext() {
      await flush()
      const t = nextDue(Number.POSITIVE_INFINITY)
      if (!t) return false
      await fireOne(t)
      return true
    },
    async runAll(maxSteps = 10_000) {
      const start = now
      for (let i = 0; i < maxSteps && (await this.runNext()); i++);
      return now - start
    },
    pending: () => timers.length,
  }
}
