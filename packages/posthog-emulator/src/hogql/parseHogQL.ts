import type { Expr, SelectNode } from './ast'
import { HogQLError, HogQLErrorCode } from './HogQLError'
import { convertExpr } from './parser/convertExpr'
import { convertSelectNode } from './parser/convertSelect'
import { hogqlParser } from './parser/loadHogQLParser'
import { isPostHogNode, NodeReader, type PostHogNode } from './parser/PostHogNode'
import { sourceOffsets } from './parser/sourceOffsets'

/**
 * Parses a HogQL SELECT (or set of SELECTs) with PostHog's own grammar (`@posthog/hogql-parser`) into the
 * emulator's typed AST, with 0-based UTF-16 source offsets on every node. Needs {@link loadHogQLParser} first.
 * @throws {HogQLError} `hogql_syntax_error` with PostHog's message and offsets, e.g.
 *   `mismatched input 'selec' expecting {SELECT, WITH, '{', '(', '<'}`; `hogql_query_error` for constructs the
 *   emulator does not print.
 * @example parseHogQL('select event, count() from events group by event')
 */
export function parseHogQL(text: string): SelectNode {
  const { reader, root } = parse(text, 'parseSelect')
  return convertSelectNode(reader, root)
}

/** Parses a single HogQL expression (HogQLMetadata with `language: "hogQLExpr"`). */
export function parseHogQLExpr(text: string): Expr {
  const { reader, root } = parse(text, 'parseExpr')
  return convertExpr(reader, root)
}

function parse(text: string, method: 'parseSelect' | 'parseExpr'): { reader: NodeReader; root: PostHogNode } {
  // PostHog answers an empty HogQLQuery with this text before parsing. SRC: `posthog/hogql/test/test_metadata.py`.
  if (text.trim() === '') throw new HogQLError(HogQLErrorCode.syntax, 'Empty query', { start: 0, end: 0 })
  const offsets = sourceOffsets(text)
  const result: unknown = JSON.parse(hogqlParser()[method](text))
  if (typeof result === 'object' && result !== null && (result as { error?: unknown }).error === true) {
    const error = result as {
      type?: unknown
      message?: unknown
      start?: { offset?: unknown }
      end?: { offset?: unknown }
    }
    const message = typeof error.message === 'string' ? error.message : 'Syntax error'
    const at = (position: { offset?: unknown } | undefined, otherwise: number) =>
      typeof position?.offset === 'number' ? offsets.toUtf16(position.offset) : otherwise
    const start = at(error.start, 0)
    const span = { start, end: Math.max(start, at(error.end, text.length)) }
    // The parser's NotImplementedError ("Unsupported rule: …") is a construct PostHog's grammar knows but its parser
    // does not build; PostHog surfaces it as a syntax error too.
    throw new HogQLError(HogQLErrorCode.syntax, message, error.type === 'NotImplementedError' ? undefined : span)
  }
  if (!isPostHogNode(result)) throw new HogQLError(HogQLErrorCode.syntax, 'Unexpected parser output')
  return { reader: new NodeReader(text, offsets), root: result }
}
