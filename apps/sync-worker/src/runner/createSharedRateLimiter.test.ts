// Two limiters of one key on two connections to one database stand for two worker processes: every limit is shared.
import type { RequestLimits } from '@statisfy/posthog-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabaseConfig, dialects } from '../../test/testDatabases'
import { openDatabase, type WorkerDatabase } from '../db/openDatabase'
import { createSharedRateLimiter } from './createSharedRateLimiter'
import type { WorkerClock } from './WorkerClock'

// Time moves only when the test says so; a waiting acquire looks again every real millisecond.
function steppedClock(start: number) {
  const clock = {
    t: start,
    now: () => clock.t,
    sleep: (_ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        setTimeout(resolve, 1)
      }),
  }
  return clock satisfies WorkerClock
}

const tick = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether the promise has settled within `ms` of real time. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false
  void promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  await tick(ms)
  return settled
}

const opened: WorkerDatabase[] = []
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close()
})

describe.each(dialects)('the shared rate limiter on %s', (kind) => {
  async function twoProcesses(limits: RequestLimits, clock: WorkerClock, keyHash = 'key-a') {
    const config = await createTestDatabaseConfig(kind)
    const a = await openDatabase(config)
    const b = await openDatabase(config)
    opened.push(a, b)
    const limiter = (database: WorkerDatabase, key = keyHash) =>
      createSharedRateLimiter({ database, keyHash: key, limits, clock, pollMs: 1 })
    return { a: limiter(a), b: limiter(b), other: limiter(b, 'key-b') }
  }

  it('never lets two processes run more than the concurrency of a key together', async () => {
    const clock = steppedClock(Date.parse('2026-11-01T00:00:00Z'))
    const { a, b, other } = await twoProcesses({ concurrency: 3, perMinute: 100, perHour: 1000 }, clock)
    const releaseA1 = await a.acquire()
    await a.acquire()
    await b.acquire()
    const fourth = b.acquire()
    expect(await settledWithin(fourth, 150)).toBe(false)
    // Another key is not held by this one's slots.
    await other.acquire()
    releaseA1()
    expect(await settledWithin(fourth, 500)).toBe(true)
    expect(a.state().running + b.state().running).toBe(3)
  })

  it('shares the per-minute and per-hour budgets: a start waits until the oldest leaves its window', async () => {
    const start = Date.parse('2026-11-01T00:00:00Z')
    const clock = steppedClock(start)
    const { a, b } = await twoProcesses({ concurrency: 10, perMinute: 4, perHour: 6 }, clock)
    for (const limiter of [a, b, a, b]) (await limiter.acquire())()
    const fifth = b.acquire()
    clock.t = start + 30_000
    expect(await settledWithin(fifth, 150)).toBe(false)
    // The first start leaves the rolling minute at +60 s (plus the 1 s margin for PostHog's clock).
    clock.t = start + 61_001
    expect(await settledWithin(fifth, 500)).toBe(true)
    ;(await fifth)()
    ;(await a.acquire())()
    // Six starts in the hour: the seventh waits for the first to leave the hour, whichever process asks.
    const seventh = a.acquire()
    clock.t = start + 1_800_000
    expect(await settledWithin(seventh, 150)).toBe(false)
    clock.t = start + 3_601_001
    expect(await settledWithin(seventh, 500)).toBe(true)
  })

  it("holds the key in every process after a 429's pause, and only that key", async () => {
    const start = Date.parse('2026-11-01T00:00:00Z')
    const clock = steppedClock(start)
    const { a, b, other } = await twoProcesses({ concurrency: 3, perMinute: 100, perHour: 1000 }, clock)
    ;(await a.acquire())()
    ;(await other.acquire())()
    // PostHog said "Expected available in 5 seconds" to process A.
    a.pause(5000)
    await tick()
    const held = b.acquire()
    expect(await settledWithin(held, 150)).toBe(false)
    expect(await settledWithin(other.acquire(), 150)).toBe(true)
    expect(b.state().pausedUntil).toBe(start + 5000)
    clock.t = start + 5000
    expect(await settledWithin(held, 500)).toBe(true)
  })

  it("is paused before a 429's slot is free: no request of the key starts in between, in this process or another", async () => {
    const start = Date.parse('2026-11-01T00:00:00Z')
    const clock = steppedClock(start)
    const { a, b } = await twoProcesses({ concurrency: 1, perMinute: 100, perHour: 1000 }, clock)
    const release = await a.acquire()
    // The transport's order on a 429: pause, then give the slot back, with no wait for either write.
    a.pause(5000)
    release()
    const here = a.acquire()
    // Two SQLite connections in one thread cannot wait on each other's write lock (the wait blocks the thread that
    // would free it), so there the other process asks once A's writes are in; PostgreSQL's at once.
    if (kind === 'sqlite') await tick()
    const there = b.acquire()
    expect(await settledWithin(here, 150)).toBe(false)
    expect(await settledWithin(there, 150)).toBe(false)
    clock.t = start + 5000
    expect(await settledWithin(Promise.race([here, there]), 500)).toBe(true)
  })

  it('frees the slots of a process that died holding them once they expire', async () => {
    const start = Date.parse('2026-11-01T00:00:00Z')
    const clock = steppedClock(start)
    const { a, b } = await twoProcesses({ concurrency: 2, perMinute: 100, perHour: 1000 }, clock)
    // Process A takes both slots and dies: its releases never run.
    await a.acquire()
    await a.acquire()
    const waiting = b.acquire()
    clock.t = start + 60_000
    expect(await settledWithin(waiting, 150)).toBe(false)
    // Past the slot's time to live (80 s, longer than one HTTP attempt).
    clock.t = start + 80_001
    expect(await settledWithin(waiting, 500)).toBe(true)
  })

  it('gives up waiting when the signal aborts', async () => {
    const clock = steppedClock(Date.parse('2026-11-01T00:00:00Z'))
    const { a, b } = await twoProcesses({ concurrency: 1, perMinute: 100, perHour: 1000 }, clock)
    await a.acquire()
    const abort = new AbortController()
    const waiting = b.acquire(abort.signal)
    abort.abort(new Error('stopped'))
    await expect(waiting).rejects.toThrow('stopped')
    expect(b.state()).toMatchObject({ running: 0, queued: 0 })
  })
})
