/** How a PostHog (ClickHouse) column type is shown: alignment and formatting follow the kind. */
export type ColumnKind = 'number' | 'boolean' | 'datetime' | 'json' | 'text'

/**
 * Classifies a ClickHouse type name as PostHog reports it in `types` (e.g. `Nullable(Float64)`,
 * `DateTime64(6, 'UTC')`, `LowCardinality(String)`, `Array(String)`).
 */
export function columnKind(type: string): ColumnKind {
  const inner = type
    .replace(/^(?:Nullable|LowCardinality)\((.*)\)$/, '$1')
    .replace(/^(?:Nullable|LowCardinality)\((.*)\)$/, '$1')
  if (/^(?:U?Int\d+|Float\d+|Decimal)/.test(inner)) return 'number'
  if (inner === 'Bool') return 'boolean'
  if (/^(?:Date|DateTime)/.test(inner)) return 'datetime'
  if (/^(?:Array|Map|Tuple|JSON|Object)/.test(inner)) return 'json'
  return 'text'
}

/** Renders a cell value as text: `null` stays visible as a word, arrays and objects as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return JSON.stringify(value)
}
