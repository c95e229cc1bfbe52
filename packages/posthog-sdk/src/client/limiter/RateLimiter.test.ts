import { describe, expect, it } from 'vitest'
import { createManualClock } from '../time/createManualClock'
import { hashKey, sharedRateLimiter } from './limiterRegistry'
import { RateLimiter } from './RateLimiter'

describe('RateLimiter', () => {
  it('lets at most `concurrency` requests run and hands slots over in order', async () => {
    const clock = createManualClock()
    const limiter = new RateLimiter({ concurrency: 3 }, clock)
    const started: number[] = []
    const releases = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const release = await limiter.acquire()
        started.push(i)
        return release
      }),
    )
    const fourth = limiter.acquire().then((release) => {
      started.push(3)
      return release
    })
    await clock.advance(0)
    expect(started).toEqual([0, 1, 2])
    expect(limiter.state()).toMatchObject({ running: 3, queued: 1 })
    releases[1]!()
    releases[1]!() // idempotent: a double release must not free two slots
    await fourth
    expect(started).toEqual([0, 1, 2, 3])
    expect(limiter.state()).toMatchObject({ running: 3, queued: 0 })
  })

  it('allows the per-minute burst, then waits until the oldest start leaves the window (as DRF counts)', async () => {
    const clock = createManualClock()
    const limiter = new RateLimiter({ concurrency: 100, perMinute: 4, perHour: 1000, marginMs: 1000 }, clock)
    for (let i = 0; i < 3; i++) (await limiter.acquire())()
    await clock.advance(10_000)
    ;(await limiter.acquire())()
    expect(limiter.state().minuteRemaining).toBe(0)
    let fifth = false
    const pending = limiter.acquire().then((release) => {
      fifth = true
      release()
    })
    // A token bucket would refill one start after 15 s; PostHog's throttle still counts 4 starts in the last minute.
    await clock.advance(50_999)
    expect(fifth).toBe(false)
    await clock.advance(1)
    await pending
    expect(fifth).toBe(true)
    // The three starts at t=0 left together; the ones at 10 s and 61 s remain.
    expect(limiter.state().minuteRemaining).toBe(2)
    await clock.advance(10_000)
    expect(limiter.state().minuteRemaining).toBe(3)
  })

  it('enforces the hourly budget over many minutes', async () => {
    const clock = createManualClock()
    const limiter = new RateLimiter({ concurrency: 100, perMinute: 240, perHour: 10, marginMs: 0 }, clock)
    for (let i = 0; i < 10; i++) (await limiter.acquire())()
    let done = false
    const pending = limiter.acquire().then(() => {
      done = true
    })
    await clock.advance(3_599_999)
    expect(done).toBe(false)
    await clock.advance(1)
    await pending
    expect(done).toBe(true)
  })

  it('holds every new request after a 429 pause', async () => {
    const clock = createManualClock()
    const limiter = new RateLimiter(undefined, clock)
    limiter.pause(37_000)
    expect(limiter.state().pausedUntil).toBe(37_000)
    let done = false
    const pending = limiter.acquire().then(() => {
      done = true
    })
    await clock.advance(36_999)
    expect(done).toBe(false)
    await clock.advance(1)
    await pending
    expect(done).toBe(true)
  })

  it('gives up a queued wait on abort without taking a slot', async () => {
    const clock = createManualClock()
    const limiter = new RateLimiter({ concurrency: 1 }, clock)
    const held = await limiter.acquire()
    const controller = new AbortController()
    const waiting = limiter.acquire(controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
    held()
    expect(limiter.state()).toMatchObject({ running: 0, queued: 0 })
  })

  it('defaults to PostHog Cloud API-query limits', () => {
    expect(new RateLimiter(undefined, createManualClock()).options).toEqual({
      concurrency: 3,
      perMinute: 240,
      perHour: 2400,
      marginMs: 1000,
    })
  })
})

describe('sharedRateLimiter', () => {
  it('shares one limiter per host and key, never storing the key', () => {
    const clock = createManualClock()
    const a = sharedRateLimiter('https://us.posthog.com', 'phx_shared_test_key', { concurrency: 2 }, clock)
    const b = sharedRateLimiter('https://us.posthog.com', 'phx_shared_test_key', { concurrency: 9 }, clock)
    const other = sharedRateLimiter('https://us.posthog.com', 'phx_other_test_key', undefined, clock)
    const otherHost = sharedRateLimiter('https://eu.posthog.com', 'phx_shared_test_key', undefined, clock)
    expect(b).toBe(a)
    expect(a.options.concurrency).toBe(2)
    expect(other).not.toBe(a)
    expect(otherHost).not.toBe(a)
    expect(hashKey('phx_shared_test_key')).toMatch(/^[0-9a-f]{16}$/)
    expect(hashKey('phx_shared_test_key')).not.toBe(hashKey('phx_other_test_key'))
  })
  // The embedded setup builds clients for one key in two places: the handler (Test Connection, previews) with the
  // defaults, and the worker with the team's real limits (legacy teams: perHour 120). Whichever came first used to
  // fix the shared limiter, so the worker's stricter limits were silently dropped and it ran into PostHog's 429s.
  it('tightens the shared limiter when a later client asks for stricter limits, never loosens it', async () => {
    const clock = createManualClock()
    const host = 'https://us.posthog.com'
    const first = sharedRateLimiter(host, 'phx_tighten_test_key', undefined, clock)
    const strict = sharedRateLimiter(host, 'phx_tighten_test_key', { concurrency: 1, perHour: 120 }, clock)
    const loose = sharedRateLimiter(host, 'phx_tighten_test_key', { concurrency: 9, perHour: 5000 }, clock)
    expect(strict).toBe(first)
    expect(loose).toBe(first)
    expect(first.options).toMatchObject({ concurrency: 1, perMinute: 240, perHour: 120 })
    expect(first.state().hourRemaining).toBe(120)

    const release = await first.acquire()
    let second = false
    const waiting = first.acquire().then((next) => {
      second = true
      return next
    })
    await clock.advance(0)
    expect(second).toBe(false)
    release()
    ;(await waiting)()
    expect(second).toBe(true)
  })

  it('drains slots above a lowered concurrency before granting new ones', async () => {
    const clock = createManualClock()
    const limiter = sharedRateLimiter('https://us.posthog.com', 'phx_drain_test_key', { concurrency: 3 }, clock)
    const held = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()])
    sharedRateLimiter('https://us.posthog.com', 'phx_drain_test_key', { concurrency: 1 }, clock)
    let granted = false
    const waiting = limiter.acquire().then((release) => {
      granted = true
      return release
    })
    held[0]!()
    held[1]!()
    await clock.advance(0)
    expect(granted).toBe(false)
    expect(limiter.state().running).toBe(1)
    held[2]!()
    ;(await waiting)()
    expect(granted).toBe(true)
  })
})
