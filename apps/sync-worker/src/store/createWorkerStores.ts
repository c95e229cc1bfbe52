import type { Catalog } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import type { WorkerDatabase } from '../db/openDatabase'
import type { WorkerStores } from '../runner/WorkerStores'
import { type AccountStore, createAccountStore } from './createAccountStore'
import { type BuiltInQueries, createBuiltInQueries } from './createBuiltInQueries'
import { createCatalogProvider } from './createCatalogProvider'
import { createConnectionStore } from './createConnectionStore'
import { createImportedDataReader, type ImportedDataReader } from './createImportedDataReader'
import { type BrokenQueryHandler, createQueryStore } from './createQueryStore'
import { createRunStore } from './createRunStore'
import { createTenantStore, type TenantStore } from './createTenantStore'
import { createWorkerSecretStore, type WorkerSealingKey } from './createWorkerSecretStore'
import { listQueryRows } from './listQueryRows'

/** Every store of the worker on its database: what the runner needs ({@link WorkerStores}) and the worker's own. */
export interface WorkerStoreSet extends WorkerStores {
  tenants: TenantStore
  builtIns: BuiltInQueries
  accounts: AccountStore
  /** Read side of the imported data (the demo's Accounts page, the CLI, idempotency tests). */
  data: ImportedDataReader
}

/** Options of {@link createWorkerStores}. */
export interface WorkerStoresOptions {
  /** Seals the tenants' PostHog keys (32 bytes, or several keys to rotate). */
  sealingKey: WorkerSealingKey
  /** The catalog of a tenant without one of its own. */
  catalog: Catalog
  /** Told of a stored query that no longer parses (the handler's list leaves it out). @default nothing */
  onBrokenQuery?: BrokenQueryHandler
}

/**
 * The worker's stores over one database. `runs(trx)` gives a run store inside the caller's transaction (from
 * `transact()`), whose multi-statement writes then join it rather than opening their own.
 * @example const stores = createWorkerStores(database, { sealingKey: config.sealingKey, catalog: defaultCatalog })
 */
export function createWorkerStores(database: WorkerDatabase, options: WorkerStoresOptions): WorkerStoreSet {
  const { db } = database
  const runs = createRunStore(db)
  const accounts = createAccountStore(db)
  const queryOptions = options.onBrokenQuery ? { onBroken: options.onBrokenQuery } : {}
  return {
    runs: (scoped?: Kysely<Database>) =>
      scoped === undefined || scoped === db ? runs : createRunStore(scoped, { inTransaction: true }),
    connections: createConnectionStore(db),
    secrets: createWorkerSecretStore(db, options.sealingKey),
    queries: createQueryStore(db, queryOptions),
    builtIns: createBuiltInQueries(db, queryOptions),
    tenants: createTenantStore(db),
    queryRows: (tenantId) => listQueryRows(db, tenantId),
    catalog: createCatalogProvider(db, options.catalog),
    directory: (tenantId) => accounts.directory(tenantId),
    accounts,
    data: createImportedDataReader(db),
  }
}
