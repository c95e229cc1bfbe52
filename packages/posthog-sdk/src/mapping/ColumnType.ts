/** The family of a ClickHouse column type, as far as coercion cares. */
export type ColumnKind =
  | 'datetime'
  | 'date'
  | 'integer'
  | 'float'
  | 'decimal'
  | 'boolean'
  | 'string'
  | 'uuid'
  | 'array'
  | 'map'
  | 'tuple'
  | 'unknown'

/** A parsed ClickHouse column type from a PostHog result's `types` pairs. */
export interface ColumnType {
  /** The type as PostHog sent it, e.g. `Nullable(DateTime64(6, 'UTC'))`; `''` when unknown. */
  raw: string
  kind: ColumnKind
  /** `Nullable(...)` wrapper present. */
  nullable: boolean
  /** Time zone of a `DateTime('Zone')`/`DateTime64(p, 'Zone')` column; `null` when none is written. */
  timeZone: string | null
}

/** The type used when PostHog did not send one for a column. */
export const UNKNOWN_COLUMN_TYPE: ColumnType = { raw: '', kind: 'unknown', nullable: true, timeZone: null }

const WRAPPER = /^(Nullable|LowCardinality)\((.*)\)$/s

/**
 * Parses a ClickHouse type name (`LowCardinality(Nullable(String))`, `DateTime64(6, 'UTC')`, `UInt64`, `Bool`...).
 * Unknown names give kind `unknown`, which coerces by looking at the values alone.
 * @example parseColumnType("Nullable(DateTime64(6, 'Europe/Berlin'))") // { kind: 'datetime', nullable: true, timeZone: 'Europe/Berlin', ... }
 */
export function parseColumnType(raw: string): ColumnType {
  let inner = raw.trim()
  let nullable = false
  for (let match = WRAPPER.exec(inner); match; match = WRAPPER.exec(inner)) {
    if (match[1] === 'Nullable') nullable = true
    inner = (match[2] ?? '').trim()
  }
  const name = inner.replace(/\(.*$/s, '')
  const timeZone = /^DateTime(?:64)?\((?:\s*\d+\s*,)?\s*'([^']+)'\s*\)$/.exec(inner)?.[1] ?? null
  return { raw, kind: kindOf(name), nullable, timeZone }
}

function kindOf(name: string): ColumnKind {
  if (name === 'DateTime' || name === 'DateTime64') return 'datetime'
  if (name === 'Date' || name === 'Date32') return 'date'
  if (/^U?Int(8|16|32|64|128|256)$/.test(name)) return 'integer'
  if (name === 'Float32' || name === 'Float64' || name === 'BFloat16') return 'float'
  if (/^Decimal(32|64|128|256)?$/.test(name)) return 'decimal'
  if (name === 'Bool' || name === 'Boolean') return 'boolean'
  if (name === 'String' || name === 'FixedString' || name === 'Enum8' || name === 'Enum16' || name === 'JSON')
    return 'string'
  if (name === 'UUID') return 'uuid'
  if (name === 'Array') return 'array'
  if (name === 'Map') return 'map'
  if (name === 'Tuple') return 'tuple'
  return 'unknown'
}
