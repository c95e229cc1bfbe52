// Three real `sync-worker serve` processes on one PostgreSQL database and one BullMQ queue, a few hundred slots:
// every slot runs exactly once, none is lost. The slots come two ways at once: slots the worker missed while down
// (every process's first sweep races for them) and slots on the next minute boundary (BullMQ's ticks, and the sweeps
// of all three processes behind them).
import type { Emulator } from '@statisfy/posthog-emulator'
import { type Cadence, nextRuns } from '@statisfy/posthog-sdk'
import { keyHint, POSTHOG_KEY_SECRET } from '@statisfy/posthog-sdk/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { openDatabase } from '../src/db/openDatabase'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { cadenceWithSlotAt, ZONES } from './slotCadences'
import { createTestDatabaseConfig, postgresUrl } from './testDatabases'
import { dailyUsageQuery, SEALING_KEY } from './workerHarness'
import { spawnWorker, type WorkerProcess, waitFor, workerEnv } from './workerProcess'

// BullMQ on PostgreSQL only: the same test with the queue on Redis costs as long again (most of it is the wait
// for the minute boundary), and two sets of three processes at once do not start in time on two cores. The Redis
// queue's one-process-per-tick is tested in src/schedule/createQueueSlotScheduler.test.ts.
const deployments = postgresUrl ? ['BullMQ on PostgreSQL'] : []

const TENANTS = 30
const PER_TENANT = 10
const KINDS = ['daily', 'weekly', 'monthly'] as const
const MINUTE = 60_000

let emulator: Emulator
beforeAll(async () => {
  // Rows are beside the point (the windows are after the dataset ends, so every run reads nothing): the emulator
  // stands in for PostHog with its own limits raised, so three hundred runs in a minute are not refused by it.
  emulator = await (await import('@statisfy/posthog-emulator')).startEmulator({
    size: 1000,
    endDate: '2026-11-01',
    seed: 42,
    rateLimits: { burstPerMinute: 100_000, sustainedPerHour: 1_000_000, concurrentQueries: 16 },
  })
})
afterAll(() => emulator?.close())

describe.each(deployments)('three worker processes on one PostgreSQL with %s', () => {
  it('run every slot of a few hundred exactly once, and lose none', async () => {
    const config = await createTestDatabaseConfig('postgres')
    const database = await openDatabase(config)
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    const workers: WorkerProcess[] = []
    let codes: (number | string)[] = []
    try {
      const seededMs = Date.now()
      // A third of the queries were due a minute ago while "the worker was down"; the rest are due on the first
      // minute boundary far enough ahead for three processes to start and arm them (seeding and three starts took
      // 40 s on CI's loaded machine).
      const pastSlot = Math.floor((seededMs - 10_000) / MINUTE) * MINUTE
      const futureSlot = Math.ceil((seededMs + 60_000) / MINUTE) * MINUTE
      const expected: { tenantId: string; queryId: string; slotMs: number }[] = []
      for (let t = 0; t < TENANTS; t++) {
        const tenantId = `tenant-${t}`
        await stores.tenants.put({ id: tenantId, name: tenantId, trackingEnabled: true })
        await stores.connections.put(tenantId, {
          apiHost: emulator.url,
          projectId: emulator.projectId,
          keyHint: keyHint(emulator.keys.full),
          updatedAt: new Date().toISOString(),
        })
        await stores.secrets.put(tenantId, POSTHOG_KEY_SECRET, emulator.keys.full)
        for (let q = 0; q < PER_TENANT; q++) {
          const n = t * PER_TENANT + q
          const slotMs = n % 3 === 0 ? pastSlot : futureSlot
          const cadence: Cadence = cadenceWithSlotAt(
            KINDS[n % KINDS.length] ?? 'daily',
            slotMs,
            ZONES[n % ZONES.length] ?? 'UTC',
          )
          const definition = dailyUsageQuery({ id: `q${q}`, name: `Query ${n}`, cadence })
          const now = new Date().toISOString()
          await stores.queries.put(tenantId, { definition, createdAt: now, updatedAt: now })
          // The ledger as a worker that armed the query just before its slot left it.
          await database.db
            .insertInto('query_state')
            .values({
              tenant_id: tenantId,
              query_id: `q${q}`,
              watermark_ms: null,
              lease_owner: null,
              lease_run_id: null,
              lease_expires_ms: 0,
              last_slot_ms: slotMs - 1,
            })
            .execute()
          // The cadence's slots from just before its slot to the end of the test: exactly the one.
          expect(nextRuns(cadence, new Date(slotMs - 1), 1)[0]?.getTime()).toBe(slotMs)
          expect((nextRuns(cadence, new Date(slotMs), 1)[0]?.getTime() ?? 0) - slotMs).toBeGreaterThanOrEqual(
            86_400_000 - 3_600_000,
          )
          expected.push({ tenantId, queryId: `q${q}`, slotMs })
        }
      }
      expect(expected.length).toBe(TENANTS * PER_TENANT)

      const env = workerEnv(config, {
        SYNC_WORKER_SWEEP_MS: '500',
        SYNC_WORKER_INITIAL_LOOKBACK_MS: String(86_400_000),
        SYNC_WORKER_MAX_RUNS: '8',
        POSTHOG_CONCURRENCY: '12',
        POSTHOG_PER_MINUTE: '100000',
        POSTHOG_PER_HOUR: '1000000',
      })
      for (let i = 0; i < 3; i++) workers.push(spawnWorker(['serve'], env))
      for (const worker of workers)
        await waitFor(
          'a worker listening',
          async () => worker.output().includes('sync-worker listening'),
          40_000,
        ).catch((error: Error) => {
          throw new Error(`${error.message}\n${worker.output()}`)
        })
      // All three armed every query before the boundary (else BullMQ would not tick it: only sweeps would).
      console.log(
        `three workers up ${Date.now() - seededMs} ms after seeding, ${futureSlot - Date.now()} ms before the slot`,
      )
      expect(Date.now()).toBeLessThan(futureSlot)

      const finished = async () => {
        const rows = await database.db
          .selectFrom('slots')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'in', ['succeeded', 'partial', 'failed'])
          .executeTakeFirstOrThrow()
        return Number(rows.n) >= expected.length
      }
      await waitFor('every slot to finish', finished, futureSlot - Date.now() + 60_000).catch(async (error: Error) => {
        const statuses = await database.db.selectFrom('slots').select('status').execute()
        throw new Error(
          `${error.message} ${JSON.stringify(
            statuses.reduce<Record<string, number>>((acc, s) => {
              acc[s.status] = (acc[s.status] ?? 0) + 1
              return acc
            }, {}),
          )}\n${workers[0]?.output().slice(-3000)}`,
        )
      })
      // A little longer, so a second run of any slot would have had the time to show up.
      await new Promise((resolve) => setTimeout(resolve, 2000))

      const slots = await database.db.selectFrom('slots').selectAll().execute()
      const runs = await database.db.selectFrom('runs').selectAll().execute()
      const key = (s: { tenantId: string; queryId: string; slotMs: number }) => `${s.tenantId}/${s.queryId}@${s.slotMs}`
      // The ledger holds exactly the expected slots, each run (nothing collapsed, skipped or missed).
      expect(
        slots.map((s) => key({ tenantId: s.tenant_id, queryId: s.query_id, slotMs: Number(s.slot_ms) })).sort(),
      ).toEqual(expected.map(key).sort())
      expect(new Set(slots.map((s) => s.status))).toEqual(new Set(['succeeded']))
      // One run per slot, the one the ledger names, started once (attempts) and finished.
      expect(runs).toHaveLength(expected.length)
      expect(new Set(runs.map((r) => `${r.tenant_id}/${r.query_id}@${r.slot_ms}`))).toEqual(new Set(expected.map(key)))
      expect(new Set(slots.map((s) => s.run_id))).toEqual(new Set(runs.map((r) => r.id)))
      for (const run of runs) {
        expect(run.trigger).toBe('schedule')
        expect(run.stage).toBe(2)
        expect(run.attempts).toBe(1)
      }
      // And the processes' own logs agree: each run finished once, in one of the three.
      const finishedIn = workers.map(
        (w) =>
          w
            .output()
            .split('\n')
            .filter((line) => line.includes('"msg":"Run finished."')).length,
      )
      expect(finishedIn.reduce((a, b) => a + b, 0)).toBe(expected.length)
    } finally {
      for (const worker of workers) worker.child.kill('SIGTERM')
      codes = await Promise.all(workers.map((w) => w.exited))
      await database.close()
    }
    // A graceful stop: every process gives its leases back and exits 0.
    for (const [i, code] of codes.entries())
      if (code !== 0) throw new Error(`Worker ${i} exited with ${code}:\n${workers[i]?.output().slice(-4000)}`)
  }, 240_000)
})
