import type { EditorState } from '@codemirror/state'
import { codeOnly } from './tableReferences'

const PLACEHOLDER = /\{\s*([A-Za-z_][\w.]*)\s*\}/g
const WINDOW_BOUNDS = new Set(['period_start', 'period_end'])

/**
 * The text to validate: each known `{placeholder}` outside strings and comments replaced by an expression of the same
 * length (`now()` for the window bounds, `NULL` or `0` otherwise, padded with spaces).
 *
 * Why: PostHog's HogQLMetadata takes no `values` (`get_hogql_metadata` in `posthog/hogql/metadata.py` parses and
 * prints the query with none), so an unfilled placeholder is an error, and the first error ends the check: nothing
 * after it would be looked at. Same-length stand-ins keep every offset PostHog reports right for the text in the
 * editor. Unknown placeholders are left in, so PostHog reports them.
 */
export function withPlaceholderStandIns(state: EditorState, names: readonly string[]): string {
  const text = state.doc.toString()
  const known = new Set(names)
  let out = ''
  let at = 0
  for (const match of codeOnly(state).matchAll(PLACEHOLDER)) {
    const name = match[1] ?? ''
    if (!known.has(name)) continue
    const length = match[0].length
    const standIn = WINDOW_BOUNDS.has(name) ? 'now()' : length >= 4 ? 'NULL' : '0'
    out += text.slice(at, match.index) + standIn.padEnd(length, ' ')
    at = match.index + length
  }
  return out + text.slice(at)
}
