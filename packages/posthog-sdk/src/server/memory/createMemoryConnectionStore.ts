import type { ConnectionStore, StoredConnection } from '../ports/ConnectionStore'

/** A {@link ConnectionStore} in a `Map`, for tests, examples and single-process demos. */
export function createMemoryConnectionStore(): ConnectionStore {
  const byTenant = new Map<string, StoredConnection>()
  return {
    async get(tenantId) {
      const found = byTenant.get(tenantId)
      return found ? structuredClone(found) : null
    },
    async put(tenantId, connection) {
      byTenant.set(tenantId, structuredClone(connection))
    },
    async delete(tenantId) {
      return byTenant.delete(tenantId)
    },
  }
}
