import type { AccountDirectory, QueryDefinition } from '@statisfy/posthog-sdk'
import type { CatalogProvider, ConnectionStore, QueryStore, RunStore, SecretStore } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

/** A tenant as the worker reads it. */
export interface WorkerTenant {
  id: string
  name: string
  trackingEnabled: boolean
}

/** A stored query, or the reason it can no longer be read (a saved config that no longer parses). */
export type QueryRow =
  | { queryId: string; source: 'saved' | 'built_in'; definition: QueryDefinition }
  | { queryId: string; source: 'saved' | 'built_in'; error: string }

/** What the worker reads and writes through the stores (the Kysely implementations in `src/store`). */
export interface WorkerStores {
  /** The run store, on the worker's database or inside one of its transactions. */
  runs(db?: Kysely<Database>): RunStore
  connections: ConnectionStore
  secrets: SecretStore
  queries: QueryStore
  tenants: { get(id: string): Promise<WorkerTenant | null>; list(): Promise<WorkerTenant[]> }
  /** Every saved and built-in query row of a tenant, broken ones included. */
  queryRows(tenantId: string): Promise<QueryRow[]>
  catalog: CatalogProvider
  directory(tenantId: string): AccountDirectory
}
