import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import { migrate } from './migrations'
import type { WorkerDatabase } from './openDatabase'

describe.each(dialects)('migrations on %s', (kind) => {
  let opened: WorkerDatabase | undefined
  afterEach(() => opened?.close())

  it('creates every table once and is a no-op the second time', async () => {
    opened = await createTestDatabase(kind)
    expect(await migrate(opened.db)).toEqual([])
    const tables = (await opened.db.introspection.getTables()).map((t) => t.name).sort()
    expect(tables).toEqual(
      expect.arrayContaining(['accounts', 'product_usage', 'query_state', 'runs', 'slots', 'tenants', 'secrets']),
    )
  })

  it('keeps one slot row per (query, slot) however many inserts race for it', async () => {
    opened = await createTestDatabase(kind)
    const { db } = opened
    const row = {
      tenant_id: 't',
      query_id: 'q',
      slot_ms: 1000,
      status: 'queued',
      run_id: null,
      delay_ms: null,
      detail: null,
      created_at: 0,
    }
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        db
          .insertInto('slots')
          .values(row)
          .onConflict((c) => c.doNothing())
          .executeTakeFirst(),
      ),
    )
    expect(results.reduce((sum, r) => sum + Number(r.numInsertedOrUpdatedRows ?? 0), 0)).toBe(1)
  })
})
