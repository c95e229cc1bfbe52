import { customFieldQuery, productUsageQuery } from '@statisfy/posthog-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createBuiltInQueries } from './createBuiltInQueries'
import { createQueryStore } from './createQueryStore'
import { listQueryRows } from './listQueryRows'

describe.each(dialects)('listQueryRows on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('lists saved then built-in rows by id, the broken ones with what is wrong', async () => {
    const at = '2026-06-01T00:00:00.000Z'
    const saved = createQueryStore(database.db)
    await saved.put('acme', { definition: productUsageQuery({ id: 'usage_b' }), createdAt: at, updatedAt: at })
    await saved.put('acme', { definition: customFieldQuery({ id: 'fields_a' }), createdAt: at, updatedAt: at })
    await saved.put('globex', { definition: productUsageQuery({ id: 'theirs' }), createdAt: at, updatedAt: at })
    await createBuiltInQueries(database.db).put('acme', productUsageQuery({ id: 'Built' }))
    await database.db.updateTable('queries').set({ definition: '[]' }).where('id', '=', 'usage_b').execute()

    const rows = await listQueryRows(database.db, 'acme')
    expect(rows.map((row) => [row.source, row.queryId, 'error' in row])).toEqual([
      ['saved', 'fields_a', false],
      ['saved', 'usage_b', true],
      ['built_in', 'Built', false],
    ])
    expect(rows[0]).toEqual({ queryId: 'fields_a', source: 'saved', definition: customFieldQuery({ id: 'fields_a' }) })
    expect(rows[1]).toMatchObject({ error: expect.stringMatching(/no longer valid/) })
    expect(await listQueryRows(database.db, 'initech')).toEqual([])
  })
})
