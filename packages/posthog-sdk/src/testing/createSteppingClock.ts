import type { SyncClock } from '../sync/SyncPorts'

/**
 * A clock for report timestamps in tests: starts at `start` and moves `stepMs` forward on every `now()` call, so
 * durations are known without sleeping.
 * @example createSteppingClock('2025-06-01T00:00:00Z', 250)
 */
export function createSteppingClock(start: string | Date, stepMs = 0): SyncClock {
  let at = new Date(start).getTime()
  return {
    now() {
      const now = at
      at += stepMs
      return now
    },
  }
}
