import { describe, expect, it } from 'vitest'
import { RateLimiter } from './RateLimiter'

describe('RateLimiter', () => {
  it('allows N per window per key and reports DRF’s wait', () => {
    let now = 0
    const limiter = new RateLimiter([{ requests: 2, windowSeconds: 60 }], { now: () => now })
    expect(limiter.check('a')).toBeNull()
    now = 10_000
    expect(limiter.check('a')).toBeNull()
    expect(limiter.check('b')).toBeNull()
    now = 20_000
    // Oldest request at 0 s: available again at 60 s, shared by (2 - 2 + 1) request slots.
    expect(limiter.check('a')).toBe(40)
    now = 60_001
    expect(limiter.check('a')).toBeNull()
  })

  it('reports the largest wait of the refusing throttles', () => {
    let now = 0
    const limiter = new RateLimiter(
      [
        { requests: 1, windowSeconds: 60 },
        { requests: 1, windowSeconds: 3600 },
      ],
      { now: () => now },
    )
    expect(limiter.check('k')).toBeNull()
    now = 1000
    expect(limiter.check('k')).toBe(3599)
  })
})
