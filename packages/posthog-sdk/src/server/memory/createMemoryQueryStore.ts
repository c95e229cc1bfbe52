import type { QueryStore, StoredQuery } from '../ports/QueryStore'

/** A {@link QueryStore} in a `Map`, listing by name; for tests, examples and single-process demos. */
export function createMemoryQueryStore(): QueryStore {
  const byTenant = new Map<string, Map<string, StoredQuery>>()
  const tenant = (tenantId: string) => {
    let queries = byTenant.get(tenantId)
    if (!queries) {
      queries = new Map()
      byTenant.set(tenantId, queries)
    }
    return queries
  }
  return {
    async list(tenantId) {
      return [...tenant(tenantId).values()]
        .map((query) => structuredClone(query))
        .sort(
          (a, b) =>
            a.definition.name.localeCompare(b.definition.name) || a.definition.id.localeCompare(b.definition.id),
        )
    },
    async get(tenantId, queryId) {
      const found = tenant(tenantId).get(queryId)
      return found ? structuredClone(found) : null
    },
    async put(tenantId, query) {
      tenant(tenantId).set(query.definition.id, structuredClone(query))
    },
    async delete(tenantId, queryId) {
      return tenant(tenantId).delete(queryId)
    },
  }
}
