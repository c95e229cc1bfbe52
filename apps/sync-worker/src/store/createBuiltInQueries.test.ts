import { customObjectQuery, productUsageQuery } from '@statisfy/posthog-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createBuiltInQueries } from './createBuiltInQueries'
import { createQueryStore } from './createQueryStore'

describe.each(dialects)('createBuiltInQueries on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('puts, lists by name, replaces and deletes built-in queries, apart from the saved ones', async () => {
    let now = new Date('2026-06-01T00:00:00Z')
    const builtIns = createBuiltInQueries(database.db, { now: () => now })
    await builtIns.put('acme', productUsageQuery({ id: 'usage', name: 'B usage' }))
    await builtIns.put('acme', customObjectQuery({ id: 'objects', name: 'A objects' }))
    expect((await builtIns.list('acme')).map((q) => q.id)).toEqual(['objects', 'usage'])
    expect(await builtIns.list('globex')).toEqual([])
    expect(await createQueryStore(database.db).list('acme')).toEqual([])

    now = new Date('2026-06-02T00:00:00Z')
    await builtIns.put('acme', productUsageQuery({ id: 'usage', name: 'B usage', enabled: false }))
    const row = await database.db.selectFrom('queries').selectAll().where('id', '=', 'usage').executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      source: 'built_in',
      enabled: 0,
      created_at: '2026-06-01T00:00:00.000Z',
      updated_at: '2026-06-02T00:00:00.000Z',
    })
    expect(await builtIns.delete('acme', 'usage')).toBe(true)
    expect(await builtIns.delete('acme', 'usage')).toBe(false)
    expect((await builtIns.list('acme')).map((q) => q.id)).toEqual(['objects'])
  })

  it('skips and reports a built-in query that no longer parses', async () => {
    const broken: string[] = []
    const builtIns = createBuiltInQueries(database.db, {
      onBroken: (tenant, id, message) => broken.push(`${tenant}/${id}: ${message}`),
    })
    await builtIns.put('acme', productUsageQuery({ id: 'usage' }))
    await builtIns.put('acme', productUsageQuery({ id: 'other' }))
    await database.db
      .updateTable('queries')
      .set({ definition: JSON.stringify(productUsageQuery({ id: 'renamed' })) })
      .where('id', '=', 'other')
      .execute()
    expect((await builtIns.list('acme')).map((q) => q.id)).toEqual(['usage'])
    expect(broken).toEqual([expect.stringMatching(/^acme\/other: .*has id 'renamed'/)])
  })
})
