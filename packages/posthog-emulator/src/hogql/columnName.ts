import type { Expr } from './ast'
import { printHogQLExpr } from './printHogQL'

/**
 * The name PostHog reports for a SELECT column: its alias, the last part of a field chain
 * (`properties.$browser` → `$browser`, as PostHog's resolver adds a hidden alias), or the printed HogQL (`count()`).
 */
export function columnName(column: Expr): string {
  if (column.kind === 'alias') return column.alias
  if (column.kind === 'field') {
    const last = column.chain[column.chain.length - 1]
    if (typeof last === 'string') return last
  }
  return printHogQLExpr(column)
}
