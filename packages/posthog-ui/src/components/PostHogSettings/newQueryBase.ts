import type { Cadence, QueryDefinition } from '@statisfy/posthog-sdk'
import type { DefinitionBase } from '../MappingEditor/mappingDraft'

/**
 * An id for a new saved query from its name: a slug plus a time-based suffix, within the SDK's id rule
 * (1 to 64 letters, digits, `_` or `-`).
 */
export function newQueryId(name: string, now: Date): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
  return `${slug || 'query'}-${now.getTime().toString(36)}`
}

/** The non-mapping parts of a query being added or edited. */
export function baseOf(definition: QueryDefinition | null, cadence: Cadence): DefinitionBase {
  if (definition) {
    const { type: _type, mapping: _mapping, ...base } = definition
    return base
  }
  return { version: 1, id: '', name: '', hogql: '', cadence, enabled: true }
}
