import type { QueryDefinition } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import { type QuerySource, readQueryDefinition } from './readQueryDefinition'

/** A stored query of either source, or the reason it can no longer be read. */
export type StoredQueryRow =
  | { queryId: string; source: QuerySource; definition: QueryDefinition }
  | { queryId: string; source: QuerySource; error: string }

const SOURCES: readonly QuerySource[] = ['saved', 'built_in']

/**
 * Every saved and built-in query row of the tenant, broken ones included with what is wrong, so the worker can
 * record a failed run that names the query instead of skipping it silently. Saved rows first, then built-in, each
 * by id (sorted here, so both dialects agree).
 */
export async function listQueryRows(db: Kysely<Database>, tenantId: string): Promise<StoredQueryRow[]> {
  const rows = await db
    .selectFrom('queries')
    .select(['source', 'id', 'definition'])
    .where('tenant_id', '=', tenantId)
    .where('source', 'in', SOURCES)
    .execute()
  return rows
    .map((row) => ({
      queryId: row.id,
      source: row.source as QuerySource,
      ...readQueryDefinition(row.id, row.definition),
    }))
    .sort((a, b) => SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source) || compareText(a.queryId, b.queryId))
}

// Code-unit order: the same on every machine, unlike localeCompare or a database collation.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
