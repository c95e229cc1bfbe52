// SIGKILL `sync-worker backfill` part-way through, run the same command again, and check it resumes: the same
// backfill, finished chunks not re-run, the interrupted chunk taken over, the data that of an uninterrupted backfill,
// and the query's live watermark untouched.
import type { Emulator } from '@statisfy/posthog-emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { openDatabase } from '../src/db/openDatabase'
import { ensureQueryState } from '../src/runner/leases'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { createTestDatabaseConfig, dialects } from './testDatabases'
import { createTestWorker, perEventQuery, SEALING_KEY, seedTenant, startTestEmulator, TENANT } from './workerHarness'
import { runCli, spawnWorker, waitFor, workerEnv } from './workerProcess'

const FROM = '2026-09-01'
const TO = '2026-10-13'
// A live watermark after the backfilled range: a backfill must never move it.
const WATERMARK_MS = Date.parse('2026-10-20T00:00:00Z')

let emulator: Emulator
beforeAll(async () => {
  emulator = await startTestEmulator(60_000)
})
afterAll(() => emulator?.close())

describe.each(dialects)('a backfill killed part-way on %s', (kind) => {
  it('resumes with the same command: finished chunks kept, the interrupted one taken over, the data of one uninterrupted backfill', async () => {
    const config = await createTestDatabaseConfig(kind)
    const database = await openDatabase(config)
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    try {
      await seedTenant(stores, emulator)
      const definition = perEventQuery()
      const now = new Date().toISOString()
      await stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
      await ensureQueryState(database.db, TENANT, 'per-event')
      await database.db.updateTable('query_state').set({ watermark_ms: WATERMARK_MS }).execute()
      // Slow requests, so the kill lands in the middle of the backfill, most often inside a chunk's run.
      emulator.faults.add({ kind: 'delay', delayMs: 700, count: 10_000, route: '/query' })
      // A lease longer than a command takes to start, so the second command finds the dead one's lease still held.
      const env = workerEnv(config, { SYNC_WORKER_LEASE_MS: '8000', SYNC_WORKER_SWEEP_MS: '300' })
      const args = ['backfill', 'per-event', '--from', FROM, '--to', TO, '--tenant', TENANT]
      const first = spawnWorker(args, env)
      // Kill it inside a chunk's run (after two finished chunks): that run's lease is the dead process's.
      await waitFor(
        'a chunk running after two finished ones',
        async () => {
          const chunks = await database.db
            .selectFrom('backfill_chunks')
            .leftJoin('runs', 'runs.id', 'backfill_chunks.run_id')
            .select(['backfill_chunks.status', 'runs.stage'])
            .execute()
          return chunks.filter((c) => c.status === 'succeeded').length >= 2 && chunks.some((c) => c.stage === 1)
        },
        90_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nThe command printed:\n${first.output()}`)
      })
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)))
      first.child.kill('SIGKILL')
      expect(await first.exited).toBe('SIGKILL')
      const atKill = await database.db.selectFrom('backfill_chunks').selectAll().orderBy('seq').execute()
      const finishedAtKill = atKill.filter((c) => c.status === 'succeeded')
      expect(finishedAtKill.length).toBeLessThan(atKill.length)
      const interrupted = await database.db
        .selectFrom('runs')
        .select(['id', 'stage'])
        .where('stage', '<', 2)
        .executeTakeFirstOrThrow()

      emulator.faults.reset()
      const second = await runCli([...args, '--json'], env, 60_000)
      expect(second.code, second.stderr).toBe(0)
      const state = JSON.parse(second.stdout) as { id: string; status: string; chunks: { runId: string }[] }
      expect(state.status).toBe('succeeded')

      // One backfill, resumed rather than started again, every chunk run once and kept.
      const backfills = await database.db.selectFrom('backfills').selectAll().execute()
      expect(backfills.map((b) => b.id)).toEqual([state.id])
      const chunks = await database.db.selectFrom('backfill_chunks').selectAll().orderBy('seq').execute()
      expect(chunks.map((c) => c.status)).toEqual(atKill.map(() => 'succeeded'))
      for (const chunk of finishedAtKill) expect(chunks.find((c) => c.seq === chunk.seq)?.run_id).toBe(chunk.run_id)
      // The chunk killed mid-run keeps its run: taken over from its checkpoint, not queued again.
      expect(chunks.map((c) => c.run_id)).toContain(interrupted.id)
      const resumed = await database.db
        .selectFrom('runs')
        .select('attempts')
        .where('id', '=', interrupted.id)
        .executeTakeFirstOrThrow()
      expect(resumed.attempts).toBe(2)
      const runs = await database.db.selectFrom('runs').select(['id', 'backfill_id']).execute()
      expect(runs.length).toBe(atKill.length)
      expect(new Set(runs.map((r) => r.id))).toEqual(new Set(chunks.map((c) => c.run_id)))

      const watermark = await database.db.selectFrom('query_state').select('watermark_ms').executeTakeFirstOrThrow()
      expect(Number(watermark.watermark_ms)).toBe(WATERMARK_MS)

      // The uninterrupted reference: the same backfill, in one go, on a fresh database.
      const reference = await createTestWorker(kind, emulator)
      try {
        await reference.stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
        const id = await reference.worker.backfills.start(TENANT, 'per-event', new Date(FROM), new Date(TO))
        await waitFor(
          'the reference backfill',
          async () => (await reference.worker.backfills.get(id))?.status !== 'running',
          90_000,
        )
        const expected = await reference.stores.data.checksum(TENANT)
        expect(expected.counts.product_usage).toBeGreaterThan(0)
        expect(await stores.data.checksum(TENANT)).toEqual(expected)
      } finally {
        await reference.close()
      }
    } finally {
      emulator.faults.reset()
      await database.close()
    }
  }, 240_000)
})
