import { randomBytes } from 'node:crypto'
import { exampleCatalog, productUsageQuery } from '@statisfy/posthog-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { transact } from '../db/transact'
import { createWorkerStores } from './createWorkerStores'
import { rejectsFixture, runFixture } from './runStoreContract'

describe.each(dialects)('createWorkerStores on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('composes every store over one database; runs(trx) joins the caller’s transaction', async () => {
    const broken: string[] = []
    const stores = createWorkerStores(database, {
      sealingKey: new Uint8Array(randomBytes(32)),
      catalog: exampleCatalog,
      onBrokenQuery: (tenantId, queryId) => broken.push(`${tenantId}/${queryId}`),
    })
    await stores.tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true })
    expect(await stores.catalog.getCatalog('acme')).toEqual(exampleCatalog)
    await stores.secrets.put('acme', 'posthog_key', 'phx_1')
    expect(await stores.secrets.get('acme', 'posthog_key')).toBe('phx_1')
    const at = '2026-06-01T00:00:00.000Z'
    await stores.queries.put('acme', { definition: productUsageQuery({ id: 'usage' }), createdAt: at, updatedAt: at })
    await stores.builtIns.put('acme', productUsageQuery({ id: 'fallback' }))
    await stores.builtIns.put('acme', productUsageQuery({ id: 'broken' }))
    await database.db.updateTable('queries').set({ definition: '{}' }).where('id', '=', 'broken').execute()
    expect((await stores.queryRows('acme')).map((row) => `${row.source}/${row.queryId}`)).toEqual([
      'saved/usage',
      'built_in/broken',
      'built_in/fallback',
    ])
    expect((await stores.builtIns.list('acme')).map((q) => q.id)).toEqual(['fallback'])
    expect(broken).toEqual(['acme/broken'])

    await transact(database, async (trx) => {
      await stores.runs(trx).save('acme', runFixture({ id: 'r', queryId: 'usage', startedAt: at }))
      await stores.runs(trx).addRejects('acme', 'r', rejectsFixture(2))
    })
    expect((await stores.runs().listRejects('acme', 'r', { limit: 5 }))?.total).toBe(2)
    await stores.accounts.upsertMany('acme', [{ id: 'acc_1', name: 'Acme Corp' }])
    const batches: unknown[] = []
    for await (const batch of stores.directory('acme').accounts()) batches.push(batch)
    expect(batches).toHaveLength(1)
    expect((await stores.data.checksum('acme')).counts.product_usage).toBe(0)
  })
})
