import { type QueryDefinition, queryDefinitionSchema } from '@statisfy/posthog-sdk'
import * as z from 'zod'

/** Where a stored query comes from: the tenant's saved queries, or the built-in ones support configures. */
export type QuerySource = 'saved' | 'built_in'

/**
 * Parses a stored `queries.definition` with the SDK's `queryDefinitionSchema`. Never throws: a row that no longer
 * parses (edited by hand, saved by an older version whose rules were looser) gives the reason, so one broken query
 * cannot break reading the tenant's others.
 */
export function readQueryDefinition(rowId: string, json: string): { definition: QueryDefinition } | { error: string } {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    return { error: `Its stored definition is not JSON (${error instanceof Error ? error.message : String(error)}).` }
  }
  const parsed = queryDefinitionSchema.safeParse(value)
  if (!parsed.success) {
    return {
      error: `Its stored definition is no longer valid: ${z.prettifyError(parsed.error).replace(/\n+/g, ' ')} Save the query again to fix it.`,
    }
  }
  if (parsed.data.id !== rowId) {
    return {
      error: `Its stored definition has id '${parsed.data.id}', not the row's '${rowId}'. Save the query again.`,
    }
  }
  return { definition: parsed.data }
}
