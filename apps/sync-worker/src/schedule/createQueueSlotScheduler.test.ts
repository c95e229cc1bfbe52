import { randomUUID } from 'node:crypto'
import type { Cadence } from '@statisfy/posthog-sdk'
import { createPostgresBackend, Queue, withBackend } from 'bullmq'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../../test/freePort'
import { createTestDatabaseConfig, postgresUrl } from '../../test/testDatabases'
import { SEALING_KEY } from '../../test/workerHarness'
import { createWorkerApp } from '../createWorkerApp'
import { nextSlot } from '../runner/cadenceSlots'
import { createQueueSlotScheduler, type QueueSlotScheduler } from './createQueueSlotScheduler'
import { repeatOptionsOf } from './repeatOptionsOf'
import type { Slot } from './SlotScheduler'

const redisUrl = process.env.TEST_REDIS_URL
const backends = [...(postgresUrl ? (['postgres'] as const) : []), ...(redisUrl ? (['redis'] as const) : [])]
type Backend = (typeof backends)[number]
type Connection = { postgres: string } | { redis: string }

const silent = { debug() {}, info() {}, warn() {}, error() {} }

// Real cadences are minutes apart: the fast tests scale `every_minutes` to tenths of a second per minute (10 minutes
// wake every second), through the scheduler's own `repeatOf` option, so everything the adapter adds (the slot
// alignment, upserts, removal, ticks) is exercised as it is in production.
const fastRepeat = (cadence: Cadence) =>
  cadence.kind === 'every_minutes' ? { every: cadence.minutes * 100 } : repeatOptionsOf(cadence)
const every = (minutes: number): Cadence => ({ kind: 'every_minutes', minutes, timeZone: 'UTC' })

const opened: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close().catch(() => {})
})

async function connectionOf(backend: Backend): Promise<Connection> {
  // Every test gets its own database on PostgreSQL (BullMQ's tables live there) and its own queue name on Redis.
  if (backend === 'postgres') {
    const config = await createTestDatabaseConfig('postgres')
    if (config.kind !== 'postgres') throw new Error('unreachable')
    return { postgres: config.url }
  }
  return { redis: redisUrl ?? '' }
}

function schedulerOn(connection: Connection, queueName: string, fast = true): QueueSlotScheduler {
  const scheduler = createQueueSlotScheduler({
    connection,
    queueName,
    logger: silent,
    ...(fast ? { repeatOf: fastRepeat } : {}),
  })
  opened.push(scheduler)
  return scheduler
}

// A second handle on the same queue, to look at what BullMQ stores.
type AnyQueue = Pick<Queue, 'getJobs' | 'getJobScheduler' | 'getJobSchedulersCount' | 'close'>

function inspect(connection: Connection, queueName: string): AnyQueue {
  const queue: AnyQueue =
    'postgres' in connection
      ? new (withBackend(createPostgresBackend).Queue)(queueName, {
          connection: { connectionString: connection.postgres, migrate: true },
        })
      : new Queue(queueName, { connection: { url: connection.redis } as never })
  opened.push(queue)
  return queue
}

async function pendingJobsOf(queue: AnyQueue, schedulerId: string): Promise<string[]> {
  const jobs = await queue.getJobs(['delayed', 'waiting'])
  return jobs.filter((job) => job.repeatJobKey === schedulerId).map((job) => String(job.id))
}

/** Collects ticks with the time each arrived. */
function recorder() {
  const ticks: (Slot & { receivedMs: number })[] = []
  return {
    ticks,
    handler: async (slot: Slot) => {
      ticks.push({ ...slot, receivedMs: Date.now() })
    },
    of: (queryId: string) => ticks.filter((t) => t.queryId === queryId),
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(backends)('the BullMQ slot scheduler on %s', (backend) => {
  it('arms a query with one job scheduler whose next wake-up is the cadence’s next slot, in its time zone', async () => {
    const connection = await connectionOf(backend)
    const queueName = `q-${randomUUID()}`
    const scheduler = schedulerOn(connection, queueName, false)
    const queue = inspect(connection, queueName)
    const cadences: Cadence[] = [
      { kind: 'daily', at: '09:15', timeZone: 'Asia/Kolkata' },
      { kind: 'weekly', weekday: 'wednesday', at: '18:40', timeZone: 'America/Los_Angeles' },
      { kind: 'monthly', day: 15, at: '00:30', timeZone: 'Europe/Berlin' },
      { kind: 'every_minutes', minutes: 15, timeZone: 'Asia/Kolkata' },
    ]
    for (const [i, cadence] of cadences.entries()) {
      const before = Date.now()
      await scheduler.upsert({ tenantId: 'acme', queryId: `saved:q${i}`, cadence, enabled: true })
      const stored = await queue.getJobScheduler(`acme/saved:q${i}`)
      expect(stored).toMatchObject(repeatOptionsOf(cadence))
      // The next slot from either side of the call: a slot boundary may pass while it runs.
      expect([nextSlot(cadence, before), nextSlot(cadence, Date.now())]).toContain(stored?.next)
      expect(await pendingJobsOf(queue, `acme/saved:q${i}`)).toEqual([`repeat:acme/saved:q${i}:${stored?.next}`])
    }
    expect(await queue.getJobSchedulersCount()).toBe(cadences.length)
  })

  it('delivers ticks carrying their slot time: multiples of the interval since the epoch, on time, one per slot', async () => {
    const connection = await connectionOf(backend)
    const scheduler = schedulerOn(connection, `q-${randomUUID()}`)
    const ticks = recorder()
    await scheduler.start(ticks.handler)
    const armedMs = Date.now()
    await scheduler.upsert({ tenantId: 'acme', queryId: 'saved:fast', cadence: every(10), enabled: true })
    await until('four ticks', () => ticks.of('saved:fast').length >= 4)
    const slots = ticks.of('saved:fast').map((t) => t.slotMs)
    for (const tick of ticks.of('saved:fast')) {
      expect(tick.slotMs % 1000).toBe(0)
      expect(tick.tenantId).toBe('acme')
      // Never before its slot, and well within the interval after it.
      expect(tick.receivedMs).toBeGreaterThanOrEqual(tick.slotMs)
      expect(tick.receivedMs - tick.slotMs).toBeLessThan(1000)
    }
    // The first is the first slot after arming: no tick at the moment of arming.
    expect(slots[0]).toBe(Math.floor(armedMs / 1000) * 1000 + 1000)
    expect(slots.slice(1).map((at, i) => at - (slots[i] ?? 0))).toEqual(slots.slice(1).map(() => 1000))
  })

  it('re-arming an unchanged cadence keeps its next job; a changed one takes effect from its next slot, with no extra tick', async () => {
    const connection = await connectionOf(backend)
    const queueName = `q-${randomUUID()}`
    const scheduler = schedulerOn(connection, queueName)
    const queue = inspect(connection, queueName)
    const ticks = recorder()
    await scheduler.start(ticks.handler)
    const query = { tenantId: 'acme', queryId: 'saved:changing', enabled: true }
    await scheduler.upsert({ ...query, cadence: every(10) })
    await until('two ticks', () => ticks.of('saved:changing').length >= 2)
    // The worker re-arms every query of a tenant on any save: this must not move or double the next job.
    const pending = await pendingJobsOf(queue, 'acme/saved:changing')
    for (let i = 0; i < 3; i++) await scheduler.upsert({ ...query, cadence: every(10) })
    expect(await pendingJobsOf(queue, 'acme/saved:changing')).toEqual(pending)

    const changedMs = Date.now()
    await scheduler.upsert({ ...query, cadence: every(15) })
    const changedDoneMs = Date.now()
    const stored = await queue.getJobScheduler('acme/saved:changing')
    expect(stored?.every).toBe(1500)
    await sleep(2200)
    // Saves of other queries of the tenant while the new cadence runs.
    await scheduler.upsert({ ...query, cadence: every(15) })
    await until(
      'three ticks of the new cadence',
      () => ticks.of('saved:changing').filter((t) => t.slotMs > changedMs).length >= 3,
    )
    const all = ticks.of('saved:changing').map((t) => t.slotMs)
    expect(new Set(all).size).toBe(all.length)
    const old = all.filter((at) => at <= changedMs)
    const changed = all.filter((at) => at > changedMs)
    for (const at of old) expect(at % 1000).toBe(0)
    for (const at of changed) expect(at % 1500).toBe(0)
    // The first tick after the change is the new cadence's first slot after it (a boundary may pass mid-call).
    expect([nextSlotOf(1500, changedMs), nextSlotOf(1500, changedDoneMs)]).toContain(changed[0])
    expect(changed.slice(1).map((at, i) => at - (changed[i] ?? 0))).toEqual(changed.slice(1).map(() => 1500))
  })

  it('replaces a cron pattern by the new one: one pending job, at the new cadence’s next slot', async () => {
    const connection = await connectionOf(backend)
    const queueName = `q-${randomUUID()}`
    const scheduler = schedulerOn(connection, queueName, false)
    const queue = inspect(connection, queueName)
    const query = { tenantId: 'acme', queryId: 'saved:daily', enabled: true }
    await scheduler.upsert({ ...query, cadence: { kind: 'daily', at: '06:00', timeZone: 'Europe/Berlin' } })
    const next: Cadence = { kind: 'weekly', weekday: 'friday', at: '07:45', timeZone: 'America/New_York' }
    await scheduler.upsert({ ...query, cadence: next })
    const stored = await queue.getJobScheduler('acme/saved:daily')
    expect(stored).toMatchObject({ pattern: '45 7 * * 5', tz: 'America/New_York', next: nextSlot(next, Date.now()) })
    expect(await pendingJobsOf(queue, 'acme/saved:daily')).toEqual([`repeat:acme/saved:daily:${stored?.next}`])
    // From cron to every and back: still exactly one pending job.
    await scheduler.upsert({ ...query, cadence: every(30) })
    expect(await pendingJobsOf(queue, 'acme/saved:daily')).toEqual([
      `repeat:acme/saved:daily:${nextSlot(every(30), Date.now())}`,
    ])
  })

  it('lets several processes arm the same queries at the same moment: one scheduler and one pending job each', async () => {
    const connection = await connectionOf(backend)
    const queueName = `q-${randomUUID()}`
    const processes = [0, 1, 2].map(() => schedulerOn(connection, queueName, false))
    const queue = inspect(connection, queueName)
    const queries = Array.from({ length: 100 }, (_, i) => ({
      tenantId: 'acme',
      queryId: `q${i}`,
      cadence: i % 2 ? every(5) : ({ kind: 'daily', at: '04:00', timeZone: 'Asia/Kolkata' } as Cadence),
      enabled: true,
    }))
    // Every process arms every query as its `start()` does; separate processes run those upserts truly at once,
    // which all of them at once here stands for.
    await Promise.all(processes.flatMap((p) => queries.map((q) => p.upsert(q))))
    expect(await queue.getJobSchedulersCount()).toBe(queries.length)
    for (const q of queries) {
      const stored = await queue.getJobScheduler(`acme/${q.queryId}`)
      expect(await pendingJobsOf(queue, `acme/${q.queryId}`)).toEqual([`repeat:acme/${q.queryId}:${stored?.next}`])
    }
  })

  it('disarms a deleted or disabled query: its scheduler and pending job are gone and it ticks no more', async () => {
    const connection = await connectionOf(backend)
    const queueName = `q-${randomUUID()}`
    const scheduler = schedulerOn(connection, queueName)
    const queue = inspect(connection, queueName)
    const ticks = recorder()
    await scheduler.start(ticks.handler)
    for (const queryId of ['saved:deleted', 'saved:disabled', 'saved:kept'])
      await scheduler.upsert({ tenantId: 'acme', queryId, cadence: every(5), enabled: true })
    await until('ticks of each', () => ['saved:deleted', 'saved:disabled'].every((q) => ticks.of(q).length >= 1))
    await scheduler.remove('acme', 'saved:deleted')
    await scheduler.upsert({ tenantId: 'acme', queryId: 'saved:disabled', cadence: every(5), enabled: false })
    const disarmedMs = Date.now()
    // Removing what is not armed is not an error.
    await scheduler.remove('acme', 'saved:never-armed')
    await scheduler.remove('acme', 'saved:deleted')
    expect(await queue.getJobScheduler('acme/saved:deleted')).toBeUndefined()
    expect(await queue.getJobScheduler('acme/saved:disabled')).toBeUndefined()
    expect(await pendingJobsOf(queue, 'acme/saved:deleted')).toEqual([])
    expect(await pendingJobsOf(queue, 'acme/saved:disabled')).toEqual([])
    const keptBefore = ticks.of('saved:kept').length
    await sleep(2000)
    expect(ticks.ticks.filter((t) => t.queryId !== 'saved:kept' && t.slotMs > disarmedMs)).toEqual([])
    // The query left armed kept ticking all along (every 500 ms).
    expect(ticks.of('saved:kept').length - keptBefore).toBeGreaterThanOrEqual(3)
    expect(await queue.getJobSchedulersCount()).toBe(1)
  })

  it('hands each tick to exactly one of several processes sharing the queue, and none after close', async () => {
    const connection = await connectionOf(backend)
    const queueName = `q-${randomUUID()}`
    const ticks = recorder()
    const processes = [schedulerOn(connection, queueName), schedulerOn(connection, queueName)]
    const seen = processes.map(() => 0)
    for (const [i, p] of processes.entries())
      await p.start(async (slot) => {
        seen[i] = (seen[i] ?? 0) + 1
        await ticks.handler(slot)
      })
    const armedMs = Date.now()
    for (const queryId of ['saved:a', 'saved:b', 'saved:c'])
      await processes[0]?.upsert({ tenantId: 'acme', queryId, cadence: every(5), enabled: true })
    await sleep(3000)
    for (const p of processes) await p.close()
    const closedMs = Date.now()
    for (const queryId of ['saved:a', 'saved:b', 'saved:c']) {
      const slots = ticks.of(queryId).map((t) => t.slotMs)
      expect(new Set(slots).size).toBe(slots.length)
      // Every slot between arming and closing arrived (none lost), 500 ms apart.
      expect(slots.length).toBeGreaterThanOrEqual(4)
      expect(slots.slice(1).map((at, i) => at - (slots[i] ?? 0))).toEqual(slots.slice(1).map(() => 500))
      expect(slots[0]).toBeGreaterThan(armedMs)
    }
    const count = ticks.ticks.length
    await sleep(1200)
    expect(ticks.ticks.length).toBe(count)
    expect(ticks.ticks.every((t) => t.receivedMs <= closedMs)).toBe(true)
  })

  it('retries a tick whose handler threw, with the same slot', async () => {
    const connection = await connectionOf(backend)
    const scheduler = schedulerOn(connection, `q-${randomUUID()}`)
    const ticks = recorder()
    let failed: number | null = null
    await scheduler.start(async (slot) => {
      await ticks.handler(slot)
      if (failed === null) {
        failed = slot.slotMs
        throw new Error('the database is briefly down')
      }
    })
    await scheduler.upsert({ tenantId: 'acme', queryId: 'saved:flaky', cadence: every(50), enabled: true })
    await until('the retried tick', () => ticks.ticks.filter((t) => t.slotMs === failed).length === 2, 20_000)
  })

  it('reports its health: ok while the backend answers, not ok (promptly) when it does not', async () => {
    const scheduler = schedulerOn(await connectionOf(backend), `q-${randomUUID()}`)
    expect(await scheduler.queueHealth()).toEqual({ ok: true, detail: 'ok' })
    const port = await freePort()
    const down = createQueueSlotScheduler({
      connection:
        backend === 'postgres'
          ? { postgres: `postgres://postgres@127.0.0.1:${port}/x` }
          : { redis: `redis://127.0.0.1:${port}` },
      logger: silent,
      healthTimeoutMs: 1000,
    })
    opened.push(down)
    const startedMs = Date.now()
    const health = await down.queueHealth()
    expect(health.ok).toBe(false)
    expect(health.detail).not.toBe('')
    expect(Date.now() - startedMs).toBeLessThan(3000)
  })

  it('makes /readyz answer 503 when the queue is unreachable, 200 when it is up', async () => {
    const database = await createTestDatabaseConfig(postgresUrl ? 'postgres' : 'sqlite')
    const port = await freePort()
    const configOf = (queue: Connection) => ({
      database,
      queue,
      port: 0,
      host: '127.0.0.1',
      sealingKey: SEALING_KEY,
      allowHosts: [],
      allowHttp: false,
      logLevel: 'silent',
      tunables: {},
    })
    const up = await createWorkerApp(configOf(await connectionOf(backend)), { logger: silent })
    opened.push(up)
    expect((await up.http.request('/readyz')).status).toBe(200)
    const down = await createWorkerApp(
      configOf(
        backend === 'postgres'
          ? { postgres: `postgres://postgres@127.0.0.1:${port}/x` }
          : { redis: `redis://127.0.0.1:${port}` },
      ),
      { logger: silent },
    )
    opened.push(down)
    const startedMs = Date.now()
    const response = await down.http.request('/readyz')
    expect(response.status).toBe(503)
    expect(((await response.json()) as { error: string }).error).toMatch(/queue/)
    expect(Date.now() - startedMs).toBeLessThan(6000)
  })
})

function nextSlotOf(step: number, afterMs: number): number {
  return Math.floor(afterMs / step) * step + step
}
