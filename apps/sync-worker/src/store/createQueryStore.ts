import { parseQueryDefinition } from '@statisfy/posthog-sdk'
import type { QueryStore, StoredQuery } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import { readQueryDefinition } from './readQueryDefinition'

/** Told of a stored query that no longer parses: the tenant, the query's id, and what is wrong with it. */
export type BrokenQueryHandler = (tenantId: string, queryId: string, message: string) => void

/** Options of {@link createQueryStore} and {@link createBuiltInQueries}. */
export interface QueryStoreOptions {
  /** Called for every stored definition that no longer parses, which is then left out. @default nothing */
  onBroken?: BrokenQueryHandler
}

const SOURCE = 'saved'

/**
 * The SDK's {@link QueryStore} on the `queries` table for the tenant's saved queries (`source = 'saved'`), listed by
 * name like the memory store. Definitions are parsed with the SDK's `queryDefinitionSchema` on read; a row that no
 * longer parses is left out of `list` and `get` (so the tenant's other queries still show, and saving the query
 * again replaces it) and reported to `onBroken`. `put` refuses a definition that would not parse back
 * (`ConfigError`).
 *
 * @example const queries = createQueryStore(database.db, { onBroken: (t, q, m) => logger.warn(m, { t, q }) })
 */
export function createQueryStore(db: Kysely<Database>, options: QueryStoreOptions = {}): QueryStore {
  const onBroken = options.onBroken ?? (() => {})
  const read = (
    tenantId: string,
    row: { id: string; definition: string; created_at: string; updated_at: string },
  ): StoredQuery | null => {
    const parsed = readQueryDefinition(row.id, row.definition)
    if ('error' in parsed) {
      onBroken(tenantId, row.id, parsed.error)
      return null
    }
    return { definition: parsed.definition, createdAt: row.created_at, updatedAt: row.updated_at }
  }
  const rowsOf = (tenantId: string) =>
    db
      .selectFrom('queries')
      .select(['id', 'definition', 'created_at', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('source', '=', SOURCE)

  return {
    async list(tenantId) {
      const rows = await rowsOf(tenantId).execute()
      return rows
        .flatMap((row) => read(tenantId, row) ?? [])
        .sort(
          (a, b) =>
            a.definition.name.localeCompare(b.definition.name) || a.definition.id.localeCompare(b.definition.id),
        )
    },
    async get(tenantId, queryId) {
      const row = await rowsOf(tenantId).where('id', '=', queryId).executeTakeFirst()
      return row ? read(tenantId, row) : null
    },
    async put(tenantId, query) {
      const definition = parseQueryDefinition(query.definition)
      const values = {
        definition: JSON.stringify(definition),
        enabled: definition.enabled ? 1 : 0,
        created_at: query.createdAt,
        updated_at: query.updatedAt,
      }
      await db
        .insertInto('queries')
        .values({ tenant_id: tenantId, source: SOURCE, id: definition.id, ...values })
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
