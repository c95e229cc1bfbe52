import type { QueryDefinition } from '../../config/index'

/** A saved query as persisted. */
export interface StoredQuery {
  definition: QueryDefinition
  /** ISO-8601. */
  createdAt: string
  /** ISO-8601. */
  updatedAt: string
}

/** Where the host keeps each tenant's saved queries, keyed by `definition.id` within the tenant. */
export interface QueryStore {
  list(tenantId: string): Promise<StoredQuery[]>
  get(tenantId: string, queryId: string): Promise<StoredQuery | null>
  put(tenantId: string, query: StoredQuery): Promise<void>
  /** Resolves `true` when there was a query to delete. */
  delete(tenantId: string, queryId: string): Promise<boolean>
}
