import type { RequestLimiter } from '@statisfy/posthog-sdk'

/**
 * The limiter, calling `onFirst` once, when its first request is let through: the moment a run really starts on
 * PostHog, after any wait for the key's concurrency, budgets or a 429's pause (which a run's start time alone hides).
 */
export function onFirstAcquire(limiter: RequestLimiter, onFirst: () => void): RequestLimiter {
  let called = false
  return {
    async acquire(signal) {
      const release = await limiter.acquire(signal)
      if (!called) {
        called = true
        onFirst()
      }
      return release
    },
    pause: (ms) => limiter.pause(ms),
    state: () => limiter.state(),
  }
}
