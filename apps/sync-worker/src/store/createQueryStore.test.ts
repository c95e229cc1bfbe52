import { isConfigError, type QueryDefinition } from '@statisfy/posthog-sdk'
import { customFieldQuery, productUsageQuery } from '@statisfy/posthog-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createQueryStore } from './createQueryStore'

const stored = (definition: QueryDefinition) => ({
  definition,
  createdAt: '2026-06-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
})

describe.each(dialects)('createQueryStore on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('puts, lists by name, gets, replaces and deletes saved queries per tenant', async () => {
    const queries = createQueryStore(database.db)
    await queries.put('acme', stored(productUsageQuery({ id: 'usage', name: 'Zeta usage' })))
    await queries.put('acme', stored(customFieldQuery({ id: 'fields', name: 'Alpha fields' })))
    await queries.put('globex', stored(productUsageQuery({ id: 'usage', name: 'Globex usage' })))
    expect((await queries.list('acme')).map((q) => q.definition.id)).toEqual(['fields', 'usage'])
    expect(await queries.get('acme', 'usage')).toEqual(stored(productUsageQuery({ id: 'usage', name: 'Zeta usage' })))
    const disabled = {
      ...stored(productUsageQuery({ id: 'usage', enabled: false })),
      updatedAt: '2026-06-02T00:00:00.000Z',
    }
    await queries.put('acme', disabled)
    expect(await queries.get('acme', 'usage')).toEqual(disabled)
    const row = await database.db
      .selectFrom('queries')
      .selectAll()
      .where('id', '=', 'usage')
      .where('tenant_id', '=', 'acme')
      .executeTakeFirst()
    expect(row).toMatchObject({ source: 'saved', enabled: 0 })
    expect(await queries.delete('acme', 'usage')).toBe(true)
    expect(await queries.delete('acme', 'usage')).toBe(false)
    expect(await queries.get('acme', 'usage')).toBeNull()
    expect((await queries.list('globex')).map((q) => q.definition.name)).toEqual(['Globex usage'])
  })

  it('does not see built-in queries', async () => {
    const queries = createQueryStore(database.db)
    const definition = JSON.stringify(productUsageQuery({ id: 'usage' }))
    await database.db
      .insertInto('queries')
      .values({
        tenant_id: 'acme',
        source: 'built_in',
        id: 'usage',
        definition,
        enabled: 1,
        created_at: '',
        updated_at: '',
      })
      .execute()
    expect(await queries.list('acme')).toEqual([])
    expect(await queries.get('acme', 'usage')).toBeNull()
    expect(await queries.delete('acme', 'usage')).toBe(false)
  })

  it('skips a row that no longer parses and reports it, listing the others', async () => {
    const broken: [string, string, string][] = []
    const queries = createQueryStore(database.db, { onBroken: (...args) => broken.push(args) })
    await queries.put('acme', stored(productUsageQuery({ id: 'good' })))
    await queries.put('acme', stored(productUsageQuery({ id: 'bad' })))
    await queries.put('acme', stored(productUsageQuery({ id: 'garbled' })))
    const { mapping: _, ...noMapping } = productUsageQuery({ id: 'bad' })
    await database.db
      .updateTable('queries')
      .set({ definition: JSON.stringify(noMapping) })
      .where('id', '=', 'bad')
      .execute()
    await database.db.updateTable('queries').set({ definition: '{"version":' }).where('id', '=', 'garbled').execute()
    expect((await queries.list('acme')).map((q) => q.definition.id)).toEqual(['good'])
    expect(broken.map(([tenant, id]) => `${tenant}/${id}`).sort()).toEqual(['acme/bad', 'acme/garbled'])
    expect(broken.find(([, id]) => id === 'bad')?.[2]).toMatch(/no longer valid.*mapping/)
    expect(broken.find(([, id]) => id === 'garbled')?.[2]).toMatch(/not JSON/)
    expect(await queries.get('acme', 'bad')).toBeNull()
    // The default reports nothing and still lists the good one.
    expect(await createQueryStore(database.db).list('acme')).toHaveLength(1)
  })

  it('refuses to store a definition it could not read back', async () => {
    const queries = createQueryStore(database.db)
    const bad = { ...productUsageQuery({ id: 'usage' }), version: 2 } as unknown as QueryDefinition
    const error = await queries.put('acme', stored(bad)).catch((e: unknown) => e)
    expect(isConfigError(error)).toBe(true)
    expect(await queries.list('acme')).toEqual([])
  })
})
