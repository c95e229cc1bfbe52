import type { ConnectionStore, StoredConnection } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

/**
 * The SDK's {@link ConnectionStore} on the `connections` table, one row per tenant. Only the key's hint is here; the
 * key itself is sealed in `secrets` (see {@link createWorkerSecretStore}).
 * @example const connections = createConnectionStore(database.db)
 */
export function createConnectionStore(db: Kysely<Database>): ConnectionStore {
  return {
    async get(tenantId) {
      const row = await db
        .selectFrom('connections')
        .select(['api_host', 'project_id', 'key_hint', 'updated_at'])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst()
      return row
        ? { apiHost: row.api_host, projectId: row.project_id, keyHint: row.key_hint, updatedAt: row.updated_at }
        : null
    },
    async put(tenantId, connection: StoredConnection) {
      const values = {
        api_host: connection.apiHost,
        project_id: connection.projectId,
        key_hint: connection.keyHint,
        updated_at: connection.updatedAt,
      }
      await db
        .insertInto('connections')
        .values({ tenant_id: tenantId, ...values })
        .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet(values))
        .execute()
    },
    async delete(tenantId) {
      const result = await db.deleteFrom('connections').where('tenant_id', '=', tenantId).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
  }
}
