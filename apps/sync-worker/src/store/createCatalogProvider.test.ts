import { exampleCatalog } from '@statisfy/posthog-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createCatalogProvider } from './createCatalogProvider'
import { createTenantStore } from './createTenantStore'

describe.each(dialects)('createCatalogProvider on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  const fallback = { customFields: [], objectTypes: [], resolvers: ['org_id' as const] }

  it("gives the tenant's own catalog, else the fallback, and names the tenant whose stored catalog is broken", async () => {
    const tenants = createTenantStore(database.db)
    await tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true, catalog: exampleCatalog })
    await tenants.put({ id: 'globex', name: 'Globex', trackingEnabled: true })
    const catalogs = createCatalogProvider(database.db, fallback)
    expect(await catalogs.getCatalog('acme')).toEqual(exampleCatalog)
    expect(await catalogs.getCatalog('globex')).toEqual(fallback)
    expect(await catalogs.getCatalog('initech')).toEqual(fallback)
    // A copy: a caller changing it does not change the next answer.
    ;(await catalogs.getCatalog('globex')).resolvers.push('crm_id')
    expect(await catalogs.getCatalog('globex')).toEqual(fallback)
    await database.db.updateTable('tenants').set({ catalog: '{"customFields":1}' }).where('id', '=', 'acme').execute()
    await expect(catalogs.getCatalog('acme')).rejects.toThrow(/catalog stored for tenant 'acme' is not valid/)
  })
})
