import { parseQueryDefinition, type QueryDefinition } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import type { QueryStoreOptions } from './createQueryStore'
import { readQueryDefinition } from './readQueryDefinition'

/**
 * The built-in queries support configures for a tenant (`source = 'built_in'`). They run only while the tenant has
 * no saved query of its own (the worker applies that precedence); the handler never sees them.
 */
export interface BuiltInQueries {
  /** The tenant's built-in queries by name; a stored one that no longer parses is left out and reported. */
  list(tenantId: string): Promise<QueryDefinition[]>
  /** Adds or replaces the query by `definition.id`; throws a `ConfigError` for a definition that does not parse. */
  put(tenantId: string, definition: QueryDefinition): Promise<void>
  /** Resolves `true` when there was a query to delete. */
  delete(tenantId: string, queryId: string): Promise<boolean>
}

const SOURCE = 'built_in'

/**
 * The {@link BuiltInQueries} on the `queries` table. `now` stamps `created_at` (first put) and `updated_at`.
 * @example await createBuiltInQueries(database.db).put('acme', productUsageQuery({ id: 'daily-usage' }))
 */
export function createBuiltInQueries(
  db: Kysely<Database>,
  options: QueryStoreOptions & { now?: () => Date } = {},
): BuiltInQueries {
  const onBroken = options.onBroken ?? (() => {})
  const now = options.now ?? (() => new Date())
  return {
    async list(tenantId) {
      const rows = await db
        .selectFrom('queries')
        .select(['id', 'definition'])
        .where('tenant_id', '=', tenantId)
        .where('source', '=', SOURCE)
        .execute()
      const definitions: QueryDefinition[] = []
      for (const row of rows) {
        const parsed = readQueryDefinition(row.id, row.definition)
        if ('error' in parsed) onBroken(tenantId, row.id, parsed.error)
        else definitions.push(parsed.definition)
      }
      return definitions.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    },
    async put(tenantId, input) {
      const definition = parseQueryDefinition(input)
      const at = now().toISOString()
      const values = { definition: JSON.stringify(definition), enabled: definition.enabled ? 1 : 0, updated_at: at }
      await db
        .insertInto('queries')
        .values({ tenant_id: tenantId, source: SOURCE, id: definition.id, ...values, created_at: at })
        // created_at stays the first put's.
        .onConflict((conflict) => conflict.columns(['tenant_id', 'source', 'id']).doUpdateSet(values))
        .execute()
    },
    async delete(tenantId, queryId) {
      const result = await db
        .deleteFrom('queries')
        .where('tenant_id', '=', tenantId)
        .where('source', '=', SOURCE)
        .where('id', '=', queryId)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
  }
}
