import { syntaxTree } from '@codemirror/language'
import type { EditorState } from '@codemirror/state'
import { HOGQL_KEYWORDS } from './hogqlKeywords'

/** The tables a query reads, and the aliases it gives them. */
export interface TableReferences {
  /** Table names after FROM and JOIN, in order of appearance. */
  readonly tables: readonly string[]
  /** Alias (lower-cased) → table name, from `FROM events AS e` and `JOIN persons p`. */
  readonly aliases: ReadonlyMap<string, string>
}

// `left`/`right` are functions in HogQL but also start `LEFT JOIN`, so they can never be aliases.
const NOT_ALIAS = new Set([...HOGQL_KEYWORDS, 'left', 'right'])
const NOT_CODE = new Set(['String', 'LineComment', 'BlockComment', 'QuotedIdentifier'])
const TABLE_REFERENCE =
  /\b(?:from|join)\s+([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?:\s+(?:as\s+)?([A-Za-z_$][\w$]*))?/gi

/** The document with strings and comments blanked out (same length), so words inside them are not read as SQL. */
export function codeOnly(state: EditorState): string {
  const text = state.doc.toString()
  const parts: string[] = []
  let at = 0
  syntaxTree(state).iterate({
    enter(node) {
      if (!NOT_CODE.has(node.name)) return
      parts.push(text.slice(at, node.from), ' '.repeat(node.to - node.from))
      at = node.to
      return false
    },
  })
  parts.push(text.slice(at))
  return parts.join('')
}

/**
 * Finds the tables after FROM / JOIN anywhere in the document (subqueries included: completion offers their fields
 * too, which is the useful approximation while typing an unfinished query).
 */
export function findTableReferences(state: EditorState): TableReferences {
  const tables: string[] = []
  const aliases = new Map<string, string>()
  for (const [, table, alias] of codeOnly(state).matchAll(TABLE_REFERENCE)) {
    if (!table || NOT_ALIAS.has(table.toLowerCase())) continue
    if (!tables.includes(table)) tables.push(table)
    if (alias && !NOT_ALIAS.has(alias.toLowerCase())) aliases.set(alias.toLowerCase(), table)
  }
  return { tables, aliases }
}
