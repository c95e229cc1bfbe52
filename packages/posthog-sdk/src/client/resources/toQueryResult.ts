import { PostHogClientError } from '../errors/PostHogClientError'
import { convertWideIntegersToBigInt, findUnsafeIntegers, parseJsonExact } from '../json/parseJsonExact'
import { patchUnsafeIntegers } from '../json/patchUnsafeIntegers'
import type { WideIntegerMode } from '../PostHogClientOptions'
import { type QueryResponseBody, queryResponseSchema } from '../schemas/queryResponseSchema'
import { schemaError } from '../schemas/schemaError'
import { type HogQLQueryResult, MAX_RESULT_ROWS, type Truncation } from './QueryTypes'

/** What {@link toQueryResult} needs besides the body. */
export interface ResultContext {
  /** The raw text of the answer, re-read exactly when integers beyond 2^53 were rounded. */
  text: string
  /** The whole answer as `JSON.parse` read it from `text` (the query response may be nested in it). */
  root: unknown
  /** Picks the query response out of an answer (the async status nests it in `query_status.results`). */
  extract: (root: unknown) => unknown
  wideIntegers: WideIntegerMode
  query: string
  queryId: string | null
  elapsedMs: number
}

function typeNames(body: QueryResponseBody): string[] {
  return (body.types ?? []).map((entry) => (typeof entry === 'string' ? entry : String(entry[1])))
}

/**
 * Validates a `HogQLQueryResponse` and shapes it into a {@link HogQLQueryResult}. Fast path: the body was read with
 * `JSON.parse`; only when a wide-integer column holds a rounded value are the exact literals read from the text.
 */
export function toQueryResult(
  data: unknown,
  context: ResultContext,
): { result: HogQLQueryResult } | { error: PostHogClientError } {
  let parsed = queryResponseSchema.safeParse(data)
  if (!parsed.success) return { error: schemaError('query result', parsed.error, context.query) }
  let types = typeNames(parsed.data)
  if (findUnsafeIntegers(parsed.data.results, types.length > 0 ? types : [])) {
    // Patch the rounded values in place from the text's literals; re-parse the whole text only if that fails.
    const exact = patchUnsafeIntegers(context.root, context.text) ? context.root : parseJsonExact(context.text)
    parsed = queryResponseSchema.safeParse(context.extract(exact))
    if (!parsed.success) return { error: schemaError('query result', parsed.error, context.query) }
    types = typeNames(parsed.data)
    if (context.wideIntegers === 'bigint') convertWideIntegersToBigInt(parsed.data.results, types)
  }
  const body = parsed.data
  const columns = body.columns ?? (body.types ?? []).flatMap((entry) => (typeof entry === 'string' ? [] : [entry[0]]))
  const width = columns.length
  if (width > 0) {
    const rows = body.results
    for (let i = 0; i < rows.length; i++) {
      if (rows[i]?.length !== width) {
        return {
          error: new PostHogClientError(
            'invalid_response',
            `PostHog's result row ${i} has ${rows[i]?.length} values for ${width} columns.`,
            { field: `results.${i}`, hogql: context.query },
          ),
        }
      }
    }
  }
  const hasMore = body.hasMore === true
  let truncation: Truncation | null = null
  if (hasMore) truncation = { reason: 'implicit_limit', rowLimit: body.limit ?? body.results.length }
  else if (body.results.length >= MAX_RESULT_ROWS) truncation = { reason: 'row_cap', rowLimit: MAX_RESULT_ROWS }
  return {
    result: {
      columns,
      types,
      results: body.results,
      hasMore,
      truncation,
      query: context.query,
      hogql: body.hogql ?? null,
      clickhouse: body.clickhouse ?? null,
      timings: (body.timings ?? []).map(({ k, t }) => ({ k, t })),
      limit: body.limit ?? null,
      isCached: body.is_cached === true,
      lastRefresh: body.last_refresh ?? null,
      timezone: body.timezone ?? null,
      queryId: context.queryId,
      elapsedMs: context.elapsedMs,
    },
  }
}
