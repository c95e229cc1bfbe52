import { SQLDialect } from '@codemirror/lang-sql'
import { HOGQL_FUNCTIONS } from './hogqlFunctions'
import { HOGQL_KEYWORDS, HOGQL_TYPES } from './hogqlKeywords'

// lang-sql looks words up in lower case, so the word lists are given lower-cased; completion keeps the real spelling.
const lowerList = (names: readonly string[]): string => names.map((name) => name.toLowerCase()).join(' ')

/**
 * The HogQL dialect of `@codemirror/lang-sql`: HogQL keywords, types and functions; `'…'` strings with backslash
 * escapes (as ClickHouse reads them); `` `…` `` and `"…"` quoted identifiers; `$`-prefixed names such as `$browser` or
 * `$group_0` read as one special name (the SQL tokenizer would otherwise split the `$` off).
 *
 * @example
 * new EditorView({ extensions: [HogQLDialect.language] })
 */
export const HogQLDialect: SQLDialect = /* @__PURE__ */ SQLDialect.define({
  keywords: lowerList(HOGQL_KEYWORDS),
  types: lowerList(HOGQL_TYPES),
  builtin: lowerList(HOGQL_FUNCTIONS.map((fn) => fn.name)),
  backslashEscapes: true,
  identifierQuotes: '`"',
  specialVar: '$',
})
