import { type Catalog, catalogSchema } from '@statisfy/posthog-sdk'
import { createSealingSecretStore, type CatalogProvider, type QueryStore } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import type { WorkerDatabase } from '../db/openDatabase'
import type { WorkerStores } from '../runner/WorkerStores'
import { type AccountStore, createAccountStore } from './createAccountStore'
import { createConnectionStore } from './createConnectionStore'
import { createImportedDataReader, type ImportedDataReader } from './createImportedDataReader'
import { createQueryStore, listQueryRows } from './createQueryStore'
import { createRunStore } from './createRunStore'
import { createSecretBlobStorage } from './createSecretBlobStorage'
import { createTenantStore, type TenantStore } from './createTenantStore'

/** Every store of the worker, on its database. */
export interface WorkerStoreSet extends WorkerStores {
  tenants: TenantStore
  builtIns: QueryStore
  accounts: AccountStore
  data: ImportedDataReader
}

/**
 * The worker's stores over one database: the SDK's ports (connections, saved queries, runs, sealed secrets, the
 * catalog and the account directory) and the worker's own (tenants, built-in queries, imported data).
 */
export function createWorkerStores(database: WorkerDatabase, options: { sealingKey: Uint8Array; catalog: Catalog }): WorkerStoreSet {
  const { db } = database
  const accounts = createAccountStore(db)
  const catalog: CatalogProvider = {
    async getCatalog(tenantId) {
      const row = await db.selectFrom('tenants').select('catalog').where('id', '=', tenantId).executeTakeFirst()
      if (!row?.catalog) return options.catalog
      const parsed = catalogSchema.safeParse(JSON.parse(row.catalog))
      if (!parsed.success) throw new Error(`The catalog stored for tenant '${tenantId}' is not valid: ${parsed.error.issues[0]?.message}. Fix tenants.catalog or clear it to use the default.`)
      return parsed.data
    },
  }
  return {
    runs: (scoped?: Kysely<Database>) => createRunStore(scoped ?? db),
    connections: createConnectionStore(db),
    secrets: createSealingSecretStore({
      keys: [{ id: 'worker', key: options.sealingKey }],
      currentKeyId: 'worker',
      storage: createSecretBlobStorage(db),
    }),
    queries: createQueryStore(db),
    builtIns: createQueryStore(db, { source: 'built_in' }),
    tenants: createTenantStore(db),
    queryRows: (tenantId) => listQueryRows(db, tenantId),
    catalog,
    directory: (tenantId) => accounts.directory(tenantId),
    accounts,
    data: createImportedDataReader(db),
  }
}
