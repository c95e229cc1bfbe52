import type { ConstantValue } from './ast'

const BARE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
// Words ClickHouse's parser treats specially after AS or in column lists; quoting them is always safe.
const CLICKHOUSE_KEYWORDS = new Set([
  'index',
  'key',
  'from',
  'select',
  'where',
  'order',
  'group',
  'limit',
  'as',
  'on',
  'by',
  'all',
  'any',
  'array',
  'join',
  'final',
  'format',
  'settings',
  'table',
  'database',
  'interval',
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
