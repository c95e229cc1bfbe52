// The worker's Kysely stores: the SDK's ports (runs, connections, saved queries, sealed secrets, catalog, account
// directory) and the worker's own tables (tenants, built-in queries, accounts, imported data), on SQLite or PostgreSQL.
export type { AccountStore } from './createAccountStore'
export { ACCOUNT_BATCH_SIZE, createAccountStore } from './createAccountStore'
export type { BuiltInQueries } from './createBuiltInQueries'
export { createBuiltInQueries } from './createBuiltInQueries'
export { createCatalogProvider } from './createCatalogProvider'
export { createConnectionStore } from './createConnectionStore'
export type {
  CustomFieldRow,
  CustomObjectRow,
  ImportedDataChecksum,
  ImportedDataReader,
  UsageFilter,
  UsageRow,
  WrittenBy,
} from './createImportedDataReader'
export { createImportedDataReader } from './createImportedDataReader'
export type { BrokenQueryHandler, QueryStoreOptions } from './createQueryStore'
export { createQueryStore } from './createQueryStore'
export type { RunStoreOptions } from './createRunStore'
export { createRunStore } from './createRunStore'
export { createSecretBlobStorage } from './createSecretBlobStorage'
export type { Tenant, TenantInput, TenantStore } from './createTenantStore'
export { assertTenantId, createTenantStore, TENANT_TOKEN_PREFIX } from './createTenantStore'
export type { WorkerSealingKey } from './createWorkerSecretStore'
export { createWorkerSecretStore, WORKER_SEALING_KEY_ID } from './createWorkerSecretStore'
export type { WorkerStoreSet, WorkerStoresOptions } from './createWorkerStores'
export { createWorkerStores } from './createWorkerStores'
export type { StoredQueryRow } from './listQueryRows'
export { listQueryRows } from './listQueryRows'
export type { QuerySource } from './readQueryDefinition'
export { isWorkerStoreError, WorkerStoreError, WorkerStoreErrorCode } from './WorkerStoreError'
