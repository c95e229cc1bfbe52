import { type QueryDefinition, queryDefinitionSchema } from '@statisfy/posthog-sdk'
import type { QueryStore } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import * as z from 'zod'
import type { Database } from '../db/Database'
import type { QueryRow } from '../runner/WorkerStores'

type Source = 'saved' | 'built_in'

function parseDefinition(json: string): { definition: QueryDefinition } | { error: string } {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    return { error: `its JSON does not parse (${error instanceof Error ? error.message : String(error)}).` }
  }
  const parsed = queryDefinitionSchema.safeParse(value)
  return parsed.success ? { definition: parsed.data } : { error: z.prettifyError(parsed.error).replace(/\n/g, ' ') }
}

/**
 * Every query row of a tenant, saved and built-in, with the ones whose stored definition no longer parses reported
 * with the reason instead of breaking the list (the worker records a failed run naming the query and what is wrong).
 */
export async function listQueryRows(db: Kysely<Database>, tenantId: string): Promise<QueryRow[]> {
  const rows = await db.selectFrom('queries').select(['source', 'id', 'definition']).where('tenant_id', '=', tenantId).orderBy('source').orderBy('id').execute()
  return rows.map((row) => ({ queryId: row.id, source: row.source as Source, ...parseDefinition(row.definition) }))
}

/**
 * Saved (`saved`) or built-in (`built_in`) queries on the `queries` table, as the SDK's {@link QueryStore}. A
 * stored definition that no longer parses is left out of `list` and `get` and reported to `onBroken`.
 */
export function createQueryStore(
  db: Kysely<Database>,
  options: { source?: Source; onBroken?: (tenantId: string, queryId: string, message: string) => void } = {},
): QueryStore {
  const source = options.source ?? 'saved'
  const toStored = (tenantId: string, row: { id: string; definition: string; created_at: string; updated_at: string }) => {
    const parsed = parseDefinition(row.definition)
    if ('error' in parsed) {
      options.onBroken?.(tenantId, row.id, parsed.error)
      return null
    }
    return { definition: parsed.definition, createdAt: row.created_at, updatedAt: row.updated_at }
  }
  const base = (tenantId: string) =>
    db.selectFrom('queries').select(['id', 'definition', 'created_at', 'updated_at']).where('tenant_id', '=', tenantId).where('source', '=', source)
  return {
    async list(tenantId) {
      const rows = await base(tenantId).orderBy('id').execute()
      return rows.flatMap((row) => toStored(tenantId, row) ?? [])
    },
    async get(tenantId, queryId) {
      const row = await base(tenantId).where('id', '=', queryId).executeTakeFirst()
      return row ? toStored(tenantId, row) : null
    },
    async put(tenantId, query) {
      const values = {
        definition: JSON.stringify(query.definition),
        enabled: query.definition.enabled ? 1 : 0,
        created_at: query.createdAt,
        updated_at: query.updatedAt,
      }
      await db
        .insertInto('queries')
        .values({ tenant_id: tenantId, source, id: query.definition.id, ...values })
        .onConflict((c) => c.columns(['tenant_id', 'source', 'id']).doUpdateSet(values))
        .execute()
    },
    async delete(tenantId, queryId) {
      const result = await db.deleteFrom('queries').where('tenant_id', '=', tenantId).where('source', '=', source).where('id', '=', queryId).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
  }
}
