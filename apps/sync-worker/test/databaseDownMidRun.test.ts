// A `serve` process whose PostgreSQL stops in the middle of a multi-page run, and comes back on the same port with
// the same data: the process stays up, says which database it lost and what to do, and the run resumes from its
// last committed page, ending with the data of an uninterrupted run, row for row.
import type { Emulator } from '@statisfy/posthog-emulator'
import { isRunInFlight } from '@statisfy/posthog-sdk'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { openDatabase } from '../src/db/openDatabase'
import { createSyncWorker } from '../src/runner/createSyncWorker'
import { createTimerSlotScheduler } from '../src/schedule/createTimerSlotScheduler'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { dueNow } from './dueNow'
import { startPrivatePostgres } from './privatePostgres'
import { createTestDatabase, postgresUrl } from './testDatabases'
import {
  createTestWorker,
  dailyUsageQuery,
  perEventQuery,
  SEALING_KEY,
  saveQuery,
  seedTenant,
  startTestEmulator,
  TENANT,
} from './workerHarness'
import { spawnWorker, waitFor, workerEnv } from './workerProcess'

// Only where PostgreSQL is installed (the reference run uses the tests' own server, started by test/globalSetup.ts).
const withPostgres = postgresUrl ? describe : describe.skip

// Trust authentication ignores it, but it is in DATABASE_URL: it must appear in no log line.
const PASSWORD = 'pw-never-logged'

let emulator: Emulator
beforeAll(async () => {
  // Enough events for the per-event query to take several PostHog pages.
  emulator = await startTestEmulator(150_000)
})
afterAll(() => emulator?.close())

withPostgres('a worker whose PostgreSQL goes down mid-run', () => {
  it('stays up, names the database, and resumes the run from its last committed page once it is back', async () => {
    // A private server: the one the other tests share must not go down.
    const postgres = await startPrivatePostgres()
    const url = postgres.url.replace('postgres@', `postgres:${PASSWORD}@`)
    const port = new URL(url).port
    const database = await openDatabase({ kind: 'postgres', url })
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    const definition = perEventQuery()
    const now = new Date().toISOString()
    await seedTenant(stores, emulator)
    await stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
    // The worker's first sweep runs the query's current hourly slot: a scheduled run, in the `serve` process.
    const slotMs = await dueNow(database, TENANT, 'per-event')
    // Slow pages, so the database goes down mid-run.
    emulator.faults.add({ kind: 'delay', delayMs: 400, count: 10_000, route: '/query' })
    const worker = spawnWorker(
      ['serve'],
      workerEnv({ kind: 'postgres', url }, { SYNC_WORKER_LEASE_MS: '2000', SYNC_WORKER_SWEEP_MS: '500' }),
    )
    try {
      const { id: runId } = await waitFor('a committed page', () =>
        database.db.selectFrom('runs').select('id').where('checkpoint_ms', 'is not', null).executeTakeFirst(),
      )
      // At a random moment of a later page: waiting on PostHog, in the limiter, or inside a page's commit.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 500)))
      postgres.pause()
      await waitFor(
        'the worker to say it lost the database',
        async () =>
          worker
            .output()
            .includes(
              `PostgreSQL at 127.0.0.1:${port}/postgres is not reachable: the run stopped at its last committed page and resumes from it once the database answers.`,
            ),
        15_000,
      )
      expect(worker.output()).toContain('Check that the database is running and reachable from this host.')
      // Down for longer than the run's lease and several sweeps: the process is still up.
      await new Promise((resolve) => setTimeout(resolve, 2500))
      expect(worker.child.exitCode).toBeNull()
      postgres.resume()

      // What the outage left, in one snapshot (any snapshot would do: every page commits in one transaction): the
      // rows of the committed pages only, and the watermark at the checkpoint, never ahead of the rows.
      const left = await database.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => ({
          run: await trx.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow(),
          state: await trx
            .selectFrom('query_state')
            .select('watermark_ms')
            .where('query_id', '=', 'per-event')
            .executeTakeFirstOrThrow(),
          rows: await trx
            .selectFrom('product_usage')
            .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('ts_ms').as('last')])
            .executeTakeFirstOrThrow(),
        }))
      const committed = JSON.parse(left.run.committed ?? '{}') as { written: number }
      expect(Number(left.rows.n)).toBe(committed.written)
      expect(Number(left.rows.last)).toBeLessThan(left.run.checkpoint_ms ?? 0)
      expect(left.state.watermark_ms).toBe(left.run.checkpoint_ms)

      emulator.faults.reset()
      const run = await waitFor('the resumed run to finish', async () => {
        const record = await stores.runs().get(TENANT, runId)
        return record && !isRunInFlight(record) ? record : null
      })
      // One attempt stopped by the outage, saving no failed report, and one that finished the run.
      expect(run.status === 'succeeded' || run.status === 'partial').toBe(true)
      expect(run.error).toBeNull()
      const rows = await database.db.selectFrom('runs').selectAll().execute()
      expect(rows.map((r) => [r.id, r.attempts])).toEqual([[runId, 2]])
      const slot = await database.db
        .selectFrom('slots')
        .select('status')
        .where('slot_ms', '=', slotMs)
        .executeTakeFirstOrThrow()
      expect(slot.status).toBe(run.status)
      const state = await database.db.selectFrom('query_state').select('watermark_ms').executeTakeFirstOrThrow()
      expect(state.watermark_ms).toBe(rows[0]?.window_end_ms)

      // The uninterrupted reference: the same window, in one run, on a fresh database.
      const reference = await createTestWorker('postgres', emulator)
      try {
        await reference.stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
        const backfill = await reference.worker.backfills.start(
          TENANT,
          'per-event',
          new Date(rows[0]?.window_start_ms ?? 0),
          new Date(rows[0]?.window_end_ms ?? 0),
        )
        await waitFor(
          'the reference run',
          async () => (await reference.worker.backfills.get(backfill))?.status !== 'running',
        )
        const expected = await reference.stores.data.checksum(TENANT)
        expect(await stores.data.checksum(TENANT)).toEqual(expected)
        // Each row counted once across the two attempts.
        expect(run.counts.read).toBe(expected.counts.product_usage + run.counts.rejected)
      } finally {
        await reference.close()
      }

      expect(worker.child.exitCode).toBeNull()
      const output = worker.output()
      for (const secret of [PASSWORD, emulator.keys.full, Buffer.from(SEALING_KEY).toString('base64')])
        expect(output).not.toContain(secret)
    } catch (error) {
      throw new Error(`${error}\n--- worker:\n${worker.output().slice(-4000)}`)
    } finally {
      emulator.faults.reset()
      worker.child.kill('SIGTERM')
      await worker.exited
      await database.close()
      postgres.stop()
    }
    expect(await worker.exited).toBe(0)
  }, 60_000)

  it('finishes a run whose database went away between its last committed page and its final save', async () => {
    const database = await createTestDatabase('postgres')
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    await seedTenant(stores, emulator)
    // The first attempt's final save fails as it does with the database gone: every page is committed by then.
    let lost = false
    const errors: string[] = []
    const worker = createSyncWorker({
      database,
      stores: {
        ...stores,
        runs: (db) => {
          const runs = stores.runs(db)
          return {
            ...runs,
            async save(tenantId, run) {
              if (!lost && !isRunInFlight(run)) {
                lost = true
                throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
              }
              return runs.save(tenantId, run)
            },
          }
        },
      },
      slots: createTimerSlotScheduler(),
      hostGuard: { allowHttp: true, allowHosts: ['127.0.0.1'] },
      tunables: { initialLookbackMs: 400 * 86_400_000, maxSpanMs: 400 * 86_400_000, sweepEveryMs: 60_000 },
      logger: { debug() {}, info() {}, warn() {}, error: (message) => errors.push(message) },
    })
    try {
      await saveQuery(worker, stores, dailyUsageQuery())
      const runId = await worker.runNow(TENANT, 'daily-usage')
      await waitFor('the first attempt to stop', async () => errors.some((m) => m.includes('is not reachable')))
      // The sweep resumes it: nothing is left to read (PostHog would refuse the empty window), and it finishes.
      await worker.sweep()
      await worker.waitForRun(runId)
      const run = await stores.runs().get(TENANT, runId)
      if (!run || isRunInFlight(run)) throw new Error('the run did not finish')
      expect(run.error).toBeNull()
      expect(run.status === 'succeeded' || run.status === 'partial').toBe(true)
      expect(run.counts.written).toBe((await stores.data.checksum(TENANT)).counts.product_usage)
      const row = await database.db.selectFrom('runs').select('attempts').executeTakeFirstOrThrow()
      expect(row.attempts).toBe(2)
    } finally {
      await worker.stop()
      await database.close()
    }
  })

  it('does not end the process when the connection of a transaction in progress is lost', async () => {
    const postgres = await startPrivatePostgres()
    const database = await openDatabase({ kind: 'postgres', url: postgres.url })
    try {
      const transaction = database.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx)
        // Between two statements: the client is checked out, with no statement to fail, when its session ends.
        postgres.pause()
        await new Promise((resolve) => setTimeout(resolve, 300))
        await sql`select 1`.execute(trx)
      })
      // The transaction fails; an unheard 'error' on the client would have ended the process (vitest reports it).
      await expect(transaction).rejects.toThrow()
    } finally {
      await database.close()
      postgres.stop()
    }
  })
})
