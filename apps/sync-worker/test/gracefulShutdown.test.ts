// Guarantee 12 with real processes: SIGTERM a `serve` worker mid-page; it commits the page in hand, gives the lease
// back and exits 0 within the grace; the next process resumes the run at once (no lease to wait out) and the data
// equals an uninterrupted run.
import type { Emulator } from '@statisfy/posthog-emulator'
import { isRunInFlight } from '@statisfy/posthog-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { openDatabase } from '../src/db/openDatabase'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { dueNow } from './dueNow'
import { createTestDatabaseConfig, dialects } from './testDatabases'
import { createTestWorker, perEventQuery, SEALING_KEY, seedTenant, startTestEmulator, TENANT } from './workerHarness'
import { spawnWorker, waitFor, workerEnv } from './workerProcess'

const GRACE_MS = 15_000
// Long enough that a next process waiting the lease out would fail the test's wait for the resumed run.
const LEASE_MS = 120_000

let emulator: Emulator
beforeAll(async () => {
  // Enough events for the per-event query to take several PostHog pages (50,000 rows at most each).
  emulator = await startTestEmulator(150_000)
})
afterAll(() => emulator?.close())

describe.each(dialects)('a worker stopped with SIGTERM mid-page on %s', (kind) => {
  it('commits the page in hand, releases the lease, exits 0; the next process resumes at once and ends with the data of an uninterrupted run', async () => {
    const config = await createTestDatabaseConfig(kind)
    const database = await openDatabase(config)
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    const definition = perEventQuery()
    const now = new Date().toISOString()
    await seedTenant(stores, emulator)
    await stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
    await dueNow(database, TENANT, 'per-event')
    const env = workerEnv(config, {
      SYNC_WORKER_LEASE_MS: String(LEASE_MS),
      SYNC_WORKER_SWEEP_MS: '300',
      SYNC_WORKER_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    })
    // Slow pages, so the signal lands while one is in hand.
    emulator.faults.add({ kind: 'delay', delayMs: 600, count: 10_000, route: '/query' })
    const first = spawnWorker(['serve'], env)
    let second: ReturnType<typeof spawnWorker> | null = null
    try {
      const committed = await waitFor('a committed page', () =>
        database.db
          .selectFrom('runs')
          .select(['id', 'checkpoint_ms'])
          .where('checkpoint_ms', 'is not', null)
          .executeTakeFirst(),
      )
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 500)))
      const signalled = Date.now()
      const atSignal = await database.db
        .selectFrom('runs')
        .select(['checkpoint_ms', 'stage'])
        .where('id', '=', committed.id)
        .executeTakeFirstOrThrow()
      first.child.kill('SIGTERM')
      expect(await first.exited).toBe(0)
      expect(Date.now() - signalled).toBeLessThan(GRACE_MS)
      expect(first.output()).toContain('Stopping.')

      // The lease is given back, not left to expire.
      const state = await database.db
        .selectFrom('query_state')
        .selectAll()
        .where('query_id', '=', 'per-event')
        .executeTakeFirstOrThrow()
      expect(state).toMatchObject({ lease_owner: null, lease_run_id: null, lease_expires_ms: 0 })
      // No half-written page: the rows are exactly the committed counts, all before the checkpoint, and the page in
      // hand was committed (or the run finished) rather than thrown away.
      const stopped = await database.db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', committed.id)
        .executeTakeFirstOrThrow()
      const base = JSON.parse(stopped.committed ?? '{}') as { read: number; written: number; rejected: number }
      const rows = await database.db.selectFrom('product_usage').select('ts_ms').execute()
      expect(rows.length).toBe(base.written)
      if (stopped.stage < 2) {
        expect(stopped.checkpoint_ms ?? 0).toBeGreaterThan(atSignal.checkpoint_ms ?? 0)
        expect(Math.max(...rows.map((r) => r.ts_ms))).toBeLessThan(stopped.checkpoint_ms ?? 0)
        expect(state.watermark_ms).toBe(stopped.checkpoint_ms)
        expect((await stores.runs().get(TENANT, committed.id))?.status).toBe('running')
      }

      emulator.faults.reset()
      const restarted = Date.now()
      second = spawnWorker(['serve'], env)
      const run = await waitFor(
        'the resumed run to finish',
        async () => {
          const record = await stores.runs().get(TENANT, committed.id)
          return record && !isRunInFlight(record) ? record : null
        },
        LEASE_MS / 2,
      )
      expect(Date.now() - restarted).toBeLessThan(LEASE_MS / 2)
      expect(run.status === 'succeeded' || run.status === 'partial').toBe(true)
      const after = await database.db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', committed.id)
        .executeTakeFirstOrThrow()
      expect(after.attempts).toBe(stopped.stage < 2 ? 2 : 1)

      // The uninterrupted reference: the same window in one run on a fresh database.
      const reference = await createTestWorker(kind, emulator)
      try {
        await reference.stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
        const id = await reference.worker.backfills.start(
          TENANT,
          'per-event',
          new Date(after.window_start_ms ?? 0),
          new Date(after.window_end_ms ?? 0),
        )
        await waitFor('the reference run', async () => (await reference.worker.backfills.get(id))?.status !== 'running')
        const expected = await reference.stores.data.checksum(TENANT)
        expect(await stores.data.checksum(TENANT)).toEqual(expected)
        // Each row read once over both attempts: the stopped one committed its page, so nothing was read twice.
        expect(run.counts.read).toBe(expected.counts.product_usage + run.counts.rejected)
      } finally {
        await reference.close()
      }
    } catch (error) {
      throw new Error(`${error}\n--- first:\n${first.output()}\n--- second:\n${second?.output() ?? ''}`)
    } finally {
      emulator.faults.reset()
      if (first.child.exitCode === null) first.child.kill('SIGKILL')
      if (second) {
        second.child.kill('SIGTERM')
        expect(await second.exited).toBe(0)
      }
      await database.close()
    }
  }, 180_000)
})
