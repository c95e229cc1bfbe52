import { PostHogClientError } from '../errors/PostHogClientError'
import { convertWideIntegersToBigInt, isWideIntegerType, parseJsonExact } from '../json/parseJsonExact'
import { patchUnsafeIntegers } from '../json/patchUnsafeIntegers'
import type { WideIntegerMode } from '../PostHogClientOptions'
import { type QueryResponseBody, queryResponseSchema } from '../schemas/queryResponseSchema'
import { schemaError } from '../schemas/schemaError'
import { type HogQLQueryResult, MAX_RESULT_ROWS, type Truncation } from './QueryTypes'
import { type RowScan, scanRows } from './scanRows'

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

function columnsOf(body: QueryResponseBody): string[] {
  return body.columns ?? (body.types ?? []).flatMap((entry) => (typeof entry === 'string' ? [] : [entry[0]]))
}

/** Checks the rows in one pass: arrays, as wide as the columns, and whether a wide-integer column was rounded. */
function scanBody(body: QueryResponseBody): RowScan {
  const types = typeNames(body)
  const wide = types.length > 0 ? types.flatMap((type, c) => (isWideIntegerType(type) ? [c] : [])) : null
  return scanRows(body.results, columnsOf(body).length, wide)
}

function rowError(scan: Exclude<RowScan, { kind: 'ok' }>, width: number, hogql: string): PostHogClientError {
  const field = `results.${scan.row}`
  const message =
    scan.kind === 'not_array'
      ? `PostHog's result row ${scan.row} is not an array of values.`
      : `PostHog's result row ${scan.row} has ${scan.length} values for ${width} columns.`
  return new PostHogClientError(
    'invalid_response',
    `${message} Check that the API host points at PostHog; if it does, this PostHog version answers differently than expected.`,
    { field, hogql },
  )
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
  let scan = scanBody(parsed.data)
  if (scan.kind === 'ok' && scan.unsafe) {
    // Patch the rounded values in place from the text's literals; re-parse the whole text only if that fails.
    const exact = patchUnsafeIntegers(context.root, context.text) ? context.root : parseJsonExact(context.text)
    parsed = queryResponseSchema.safeParse(context.extract(exact))
    if (!parsed.success) return { error: schemaError('query result', parsed.error, context.query) }
    scan = scanBody(parsed.data)
    if (context.wideIntegers === 'bigint') convertWideIntegersToBigInt(parsed.data.results, typeNames(parsed.data))
  }
  const body = parsed.data
  if (scan.kind !== 'ok') return { error: rowError(scan, columnsOf(body).length, context.query) }
  const hasMore = body.hasMore === true
  let truncation: Truncation | null = null
  if (hasMore) truncation = { reason: 'implicit_limit', rowLimit: body.limit ?? body.results.length }
  else if (body.results.length >= MAX_RESULT_ROWS) truncation = { reason: 'row_cap', rowLimit: MAX_RESULT_ROWS }
  return {
    result: {
      columns: columnsOf(body),
      types: typeNames(body),
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
