import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../limiter/RateLimiter'
import { createManualClock } from '../time/createManualClock'
import { clientOf, useEmulator } from './emulatorFixture'

// Client and emulator read the same manual clock, so a minute passes when the test says so.
const clock = createManualClock(Date.now())
const emulator = useEmulator({ clock, rateLimits: { burstPerMinute: 3 } })

describe('the per-key limiter keeps the client under PostHog limits', () => {
  it('holds the fourth query of a minute until the window has room, and PostHog never answers 429', async () => {
    const limiter = new RateLimiter({ concurrency: 3, perMinute: 3, perHour: 100 }, clock)
    const retried: string[] = []
    const client = clientOf(emulator(), { clock, limiter, onRetry: ({ error }) => retried.push(error.code) })
    const done: number[] = []
    const queries = [0, 1, 2, 3, 4].map((i) => client.metadata(`select ${i}`).then(() => done.push(i)))
    await Promise.all(queries.slice(0, 3))
    await clock.advance(30_000)
    expect(done.sort()).toEqual([0, 1, 2])
    expect(limiter.state()).toMatchObject({ minuteRemaining: 0 })
    await clock.advance(31_000)
    await Promise.all(queries)
    expect(done.sort()).toEqual([0, 1, 2, 3, 4])
    expect(retried).toEqual([])
  })

  it('shares one limiter between clients of the same host and key', () => {
    const a = clientOf(emulator(), {
      limiter: undefined,
      personalApiKey: emulator().keys.queryOnly,
      rateLimit: { perMinute: 7 },
    })
    const b = clientOf(emulator(), { limiter: undefined, personalApiKey: emulator().keys.queryOnly })
    expect(a.rateLimitState()).toEqual(b.rateLimitState())
    expect(a.rateLimitState().minuteRemaining).toBe(7)
  })
})
