import type { Clock } from './Clock'

/** One throttle: at most `requests` per `windowSeconds`, per key. */
export interface ThrottleRate {
  requests: number
  windowSeconds: number
}

/**
 * DRF's `SimpleRateThrottle` (sliding window of request times per key), used by PostHog for personal API keys.
 * Every throttle that allows a request records it, even when another one refuses; the wait reported is the largest
 * of the refusing throttles', computed as DRF does. SRC: DRF `throttling.py`, PostHog `posthog/rate_limit.py`.
 */
export class RateLimiter {
  private readonly history = new Map<string, number[]>()

  constructor(
    private readonly rates: readonly ThrottleRate[],
    private readonly clock: Clock,
  ) {}

  /** Records a request for `key`; returns `null` when allowed, else the seconds to wait (DRF's `wait()`). */
  check(key: string): number | null {
    const now = this.clock.now() / 1000
    const waits: number[] = []
    this.rates.forEach((rate, i) => {
      const bucket = `${i}:${key}`
      const times = (this.history.get(bucket) ?? []).filter((t) => t > now - rate.windowSeconds)
      if (times.length >= rate.requests) {
        const oldest = times[times.length - 1]!
        const available = rate.requests - times.length + 1
        waits.push(
          available <= 0 ? rate.windowSeconds - (now - oldest) : (rate.windowSeconds - (now - oldest)) / available,
        )
        this.history.set(bucket, times)
        return
      }
      times.unshift(now)
      this.history.set(bucket, times)
    })
    return waits.length === 0 ? null : Math.max(...waits)
  }

  /** Forgets all recorded requests. */
  reset(): void {
    this.history.clear()
  }
}
