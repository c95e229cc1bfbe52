import type { ConstantValue } from './ast'
import { NAME_KEYWORDS } from './keywords'

const BARE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
// Words ClickHouse's parser may read as keywords where a name stands (`SELECT x.number FROM numbers(2) AS top`,
// `arrayMap(not -> …)`, `ORDER BY all`): every HogQL keyword that can be a name, plus ClickHouse's own. Quoting is
// always safe; `timestamp` and `id` stay bare because ClickHouse reads them as names and they are the columns every
// query prints (PostHog shows `events.timestamp`).
const CLICKHOUSE_KEYWORDS = new Set<string>([
  ...NAME_KEYWORDS.filter((word) => word !== 'timestamp' && word !== 'id'),
  'index',
  'format',
  'table',
  'database',
  'primary',
])
const HOGQL_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Quotes a ClickHouse identifier with backticks unless it is a plain word. */
export function quoteClickHouseIdentifier(name: string): string {
  return BARE_IDENTIFIER.test(name) && !CLICKHOUSE_KEYWORDS.has(name.toLowerCase())
    ? name
    : `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``
}

/** Quotes a HogQL identifier (HogQL allows `$` in bare names, e.g. `$session_id`). */
export function quoteHogQLIdentifier(name: string): string {
  return HOGQL_IDENTIFIER.test(name) ? name : `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``
}

/** A single-quoted SQL string literal; backslashes and quotes escaped, so user values never break out. */
export function quoteString(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\0/g, '\\0')}'`
}

/** Prints a constant the same way for HogQL and ClickHouse: strings quoted, numbers verbatim, lists as arrays. */
export function printConstant(value: ConstantValue): string {
  if (value === null) return 'NULL'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return quoteString(value)
  if (Array.isArray(value)) return `[${value.map(printConstant).join(', ')}]`
  return value.number
}
