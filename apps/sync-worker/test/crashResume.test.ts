// SIGKILL a worker at a random page of a run, start another, and check the data is that of an uninterrupted run.
import type { Emulator } from '@statisfy/posthog-emulator'
import { isRunInFlight } from '@statisfy/posthog-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { openDatabase } from '../src/db/openDatabase'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { createTestDatabaseConfig, dialects } from './testDatabases'
import { createTestWorker, perEventQuery, SEALING_KEY, seedTenant, startTestEmulator, TENANT } from './workerHarness'
import { spawnWorker, waitFor, workerEnv } from './workerProcess'

let emulator: Emulator
beforeAll(async () => {
  // Enough events for the per-event query to take several PostHog pages (50,000 rows at most each).
  emulator = await startTestEmulator(150_000)
})
afterAll(() => emulator?.close())

describe.each(dialects)('a worker killed mid-run on %s', (kind) => {
  it('resumes in the next process from its last committed page: the data equals an uninterrupted run, row for row', async () => {
    const config = await createTestDatabaseConfig(kind)
    const database = await openDatabase(config)
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    try {
      await seedTenant(stores, emulator)
      const definition = perEventQuery()
      const now = new Date().toISOString()
      await stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
      // Slow pages, so the kill lands mid-run.
      emulator.faults.add({ kind: 'delay', delayMs: 400, count: 10_000, route: '/query' })
      const env = workerEnv(config, { SYNC_WORKER_LEASE_MS: '2000', SYNC_WORKER_SWEEP_MS: '500' })
      const first = spawnWorker(['run', 'per-event', '--tenant', TENANT], env)
      // Once at least one page is committed, kill it at a random moment of a later page.
      const committed = await waitFor('a committed page', () =>
        database.db
          .selectFrom('runs')
          .select(['id', 'checkpoint_ms'])
          .where('checkpoint_ms', 'is not', null)
          .executeTakeFirst(),
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nThe worker printed:\n${first.output()}`)
      })
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 500)))
      first.child.kill('SIGKILL')
      expect(await first.exited).toBe('SIGKILL')
      const atKill = await database.db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', committed.id)
        .executeTakeFirstOrThrow()
      const state = await database.db
        .selectFrom('query_state')
        .selectAll()
        .where('query_id', '=', 'per-event')
        .executeTakeFirstOrThrow()
      const base = JSON.parse(atKill.committed ?? '{}') as { read: number; written: number }
      // Nothing of a page is written without its checkpoint, and the watermark never passes the committed rows.
      const rowsAtKill = await database.db.selectFrom('product_usage').select('ts_ms').execute()
      expect(rowsAtKill.length).toBe(base.written)
      expect(Math.max(...rowsAtKill.map((r) => r.ts_ms))).toBeLessThan(atKill.checkpoint_ms ?? 0)
      expect(state.watermark_ms).toBe(atKill.checkpoint_ms)

      // The next process takes the run over once the dead one's lease (2 s) has expired.
      emulator.faults.reset()
      const second = spawnWorker(['serve'], env)
      try {
        const run = await waitFor(
          'the resumed run to finish',
          async () => {
            const record = await stores.runs().get(TENANT, committed.id)
            return record && !isRunInFlight(record) ? record : null
          },
          90_000,
        )
        expect(run.status === 'succeeded' || run.status === 'partial').toBe(true)
        const after = await database.db
          .selectFrom('runs')
          .selectAll()
          .where('id', '=', committed.id)
          .executeTakeFirstOrThrow()
        expect(after.attempts).toBe(2)

        // The uninterrupted reference: the same window, in one run, on a fresh database.
        const reference = await createTestWorker(kind, emulator)
        try {
          await reference.stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
          const id = await reference.worker.backfills.start(
            TENANT,
            'per-event',
            new Date(atKill.window_start_ms ?? 0),
            new Date(atKill.window_end_ms ?? 0),
          )
          await waitFor(
            'the reference run',
            async () => (await reference.worker.backfills.get(id))?.status !== 'running',
            90_000,
          )
          const expected = await reference.stores.data.checksum(TENANT)
          expect(await stores.data.checksum(TENANT)).toEqual(expected)
          expect(run.counts.read).toBe(expected.counts.product_usage + run.counts.rejected)
          // The second attempt read only what was not committed: the rows from the checkpoint on, once.
          const remaining = await reference.database.db
            .selectFrom('product_usage')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('ts_ms', '>=', atKill.checkpoint_ms ?? 0)
            .executeTakeFirstOrThrow()
          expect(run.counts.read - base.read).toBe(
            Number(remaining.n) + (run.counts.rejected - (JSON.parse(atKill.committed ?? '{}').rejected ?? 0)),
          )
        } finally {
          await reference.close()
        }
      } finally {
        second.child.kill('SIGTERM')
        expect(await second.exited).toBe(0)
      }
    } finally {
      emulator.faults.reset()
      await database.close()
    }
  }, 240_000)
})
