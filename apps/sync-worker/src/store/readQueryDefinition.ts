import { type QueryDefinition, queryDefinitionSchema } from '@statisfy/posthog-sdk'
import * as z from 'zod'

/** Where a stored query comes from: the tenant's saved queries, or the built-in ones support configures. */
export type QuerySource = 'saved' | 'built_in'

type Read = { definition: QueryDefinition } | { error: string }

// Every tick and run reads its tenant's stored queries again (another process may have changed them), and the
// schema's parse was most of that read. The same row text always reads the same, so the results are kept by it,
// frozen: a definition is shared by everyone who read that text.
const MAX_KEPT = 5000
const kept = new Map<string, Read>()

/**
 * Parses a stored `queries.definition` with the SDK's `queryDefinitionSchema`. Never throws: a row that no longer
 * parses (edited by hand, saved by an older version whose rules were looser) gives the reason, so one broken query
 * cannot break reading the tenant's others. The definition returned is deeply frozen.
 */
export function readQueryDefinition(rowId: string, json: string): Read {
  const key = `${rowId}\u0000${json}`
  let read = kept.get(key)
  if (!read) {
    read = deepFreeze(parse(rowId, json))
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string)
    kept.set(key, read)
  }
  return read
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function parse(rowId: string, json: string): Read {
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
