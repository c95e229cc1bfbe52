import { createMemoryRunStore } from '@statisfy/posthog-sdk/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, createTestDatabaseConfig, dialects } from '../../test/testDatabases'
import { openDatabase, type WorkerDatabase } from '../db/openDatabase'
import { transact } from '../db/transact'
import { createRunStore } from './createRunStore'
import { inFlightRunFixture, rejectsFixture, runFixture, runStoreContract } from './runStoreContract'
import { isWorkerStoreError } from './WorkerStoreError'

// The contract on the SDK's own memory store first: the ported tests state what the Kysely store must match.
describe('RunStore contract on createMemoryRunStore', () => {
  runStoreContract(() => createMemoryRunStore())
})

describe.each(dialects)('createRunStore on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  describe('RunStore contract', () => {
    runStoreContract(() => createRunStore(database.db))
  })

  it('inserts the worker columns with their defaults and never overwrites them when the run is saved again', async () => {
    const runs = createRunStore(database.db)
    const queuedAt = '2026-06-01T00:00:00Z'
    await runs.save('acme', inFlightRunFixture({ id: 'r', queryId: 'q', queuedAt, status: 'queued', startedAt: null }))
    const fresh = await database.db.selectFrom('runs').selectAll().where('id', '=', 'r').executeTakeFirstOrThrow()
    expect(fresh).toMatchObject({
      slot_ms: null,
      backfill_id: null,
      window_start_ms: null,
      window_end_ms: null,
      checkpoint_ms: null,
      committed: null,
      attempts: 0,
      reject_count: 0,
      stage: 0,
      sort_group: 0,
      sort_ms: Date.parse(queuedAt),
    })
    const worker = {
      slot_ms: 1,
      backfill_id: 'bf',
      window_start_ms: 2,
      window_end_ms: 3,
      checkpoint_ms: 4,
      committed: '{"pages":1}',
      attempts: 2,
    }
    await database.db.updateTable('runs').set(worker).where('id', '=', 'r').execute()
    await runs.addRejects('acme', 'r', rejectsFixture(2))
    await runs.save('acme', inFlightRunFixture({ id: 'r', queryId: 'q', queuedAt, updatedAt: '2026-06-01T00:00:10Z' }))
    await runs.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: '2026-06-01T00:00:05Z' }))
    const row = await database.db.selectFrom('runs').selectAll().where('id', '=', 'r').executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      ...worker,
      reject_count: 2,
      stage: 2,
      sort_group: 1,
      sort_ms: Date.parse('2026-06-01T00:00:05Z'),
    })
  })

  it('names the run when its stored record no longer parses', async () => {
    const runs = createRunStore(database.db)
    await runs.save('acme', runFixture({ id: 'r_bad', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    await database.db.updateTable('runs').set({ record: '{"status":"exploded"}' }).where('id', '=', 'r_bad').execute()
    const error = await runs.get('acme', 'r_bad').catch((e: unknown) => e)
    expect(isWorkerStoreError(error, 'corrupt_row')).toBe(true)
    expect(String(error)).toMatch(/Run r_bad is stored in a form this worker cannot read/)
    await expect(runs.list('acme', { limit: 5 })).rejects.toThrow(/Run r_bad/)
    await database.db.updateTable('runs').set({ record: 'not json' }).where('id', '=', 'r_bad').execute()
    await expect(runs.get('acme', 'r_bad')).rejects.toThrow(/Run r_bad is stored in a form/)
  })

  it('refuses to save a record it could not read back, and a run id another tenant holds', async () => {
    const runs = createRunStore(database.db)
    const bad = { ...runFixture({ id: 'r', queryId: 'q', startedAt: 'yesterday' }) }
    await expect(runs.save('acme', bad)).rejects.toThrow(/Run r is not a valid ApiRun/)
    await runs.save('acme', runFixture({ id: 'shared', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    const error = await runs
      .save('globex', runFixture({ id: 'shared', queryId: 'q', startedAt: '2026-06-02T00:00:00Z' }))
      .catch((e: unknown) => e)
    expect(isWorkerStoreError(error, 'run_of_other_tenant')).toBe(true)
    expect(await runs.get('acme', 'shared')).toMatchObject({ startedAt: '2026-06-01T00:00:00Z' })
  })

  it('saves and adds rejects inside the caller’s transaction, and rolls back with it', async () => {
    await transact(database, async (trx) => {
      const runs = createRunStore(trx, { inTransaction: true })
      await runs.save('acme', runFixture({ id: 'kept', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
      await runs.addRejects('acme', 'kept', rejectsFixture(2))
    })
    await transact(database, async (trx) => {
      const runs = createRunStore(trx, { inTransaction: true })
      await runs.save('acme', runFixture({ id: 'gone', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
      await runs.addRejects('acme', 'gone', rejectsFixture(2))
      throw new Error('rolled back')
    }).catch(() => {})
    const runs = createRunStore(database.db)
    expect((await runs.listRejects('acme', 'kept', { limit: 10 }))?.total).toBe(2)
    expect(await runs.get('acme', 'gone')).toBeNull()
    expect(await database.db.selectFrom('run_rejects').select('seq').where('run_id', '=', 'gone').execute()).toEqual([])
  })

  it('gives concurrent addRejects distinct, contiguous seqs', async () => {
    const runs = createRunStore(database.db)
    await runs.save('acme', runFixture({ id: 'r', queryId: 'q', startedAt: '2026-06-01T00:00:00Z' }))
    await Promise.all(Array.from({ length: 10 }, (_, i) => runs.addRejects('acme', 'r', rejectsFixture(3, i * 3 + 1))))
    const seqs = await database.db
      .selectFrom('run_rejects')
      .select('seq')
      .where('run_id', '=', 'r')
      .orderBy('seq')
      .execute()
    expect(seqs.map((s) => s.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i))
    expect((await runs.listRejects('acme', 'r', { limit: 1 }))?.total).toBe(30)
  })

  it('cannot move a finished run back when two connections race their saves', async () => {
    const config = await createTestDatabaseConfig(kind)
    const first = await openDatabase(config)
    const second = await openDatabase(config)
    try {
      const a = createRunStore(first.db)
      const b = createRunStore(second.db)
      const queuedAt = '2026-06-01T00:00:00Z'
      for (let round = 0; round < 5; round++) {
        const id = `race_${round}`
        await a.save('acme', inFlightRunFixture({ id, queryId: 'q', queuedAt, status: 'queued', startedAt: null }))
        // Heartbeats from both connections, all later than anything stored, with the final report in the middle:
        // every in-flight save that reaches the database after the report must be refused.
        const heartbeat = (store: typeof a, i: number) =>
          store.save(
            'acme',
            inFlightRunFixture({
              id,
              queryId: 'q',
              queuedAt,
              updatedAt: new Date(Date.parse(queuedAt) + 1000 * (i + 1)).toISOString(),
            }),
          )
        await Promise.all([
          ...Array.from({ length: 20 }, (_, i) => heartbeat(i % 2 ? a : b, i)),
          b.save('acme', runFixture({ id, queryId: 'q', startedAt: queuedAt, status: 'succeeded' })),
          ...Array.from({ length: 20 }, (_, i) => heartbeat(i % 2 ? b : a, 20 + i)),
        ])
        expect((await a.get('acme', id))?.status).toBe('succeeded')
        expect((await b.get('acme', id))?.status).toBe('succeeded')
      }
    } finally {
      await first.close()
      await second.close()
    }
  })
})
