import { type ErrorBody, errorBodySchema } from '../schemas/errorBodySchema'
import { PostHogClientError } from './PostHogClientError'
import { isConcurrencyLimitText, parseRateLimitWait, parseRetryAfter } from './parseRateLimitWait'

/** What the failed request was for; decides how a 404 reads. */
export type RequestPurpose = 'query' | 'project' | 'key' | 'poll' | 'cancel'

/** The parts of a failed HTTP answer the classifier needs. */
export interface HttpFailure {
  status: number
  body: unknown
  retryAfter: string | null
  purpose: RequestPurpose
  nowMs: number
  hogql?: string
}

// Parser messages of PostHog's HogQL grammar (ANTLR) and its own syntax errors. Older servers send these with
// the generic `invalid_input` code, so the text is the only way to tell a syntax error from a resolution error.
const SYNTAX_TEXT =
  /mismatched input|extraneous input|no viable alternative|missing .+ at|token recognition error|unexpected end of query|syntax error|cannot be an alias or identifier|empty query/i

// Codes PostHog gives HogQL and ClickHouse user errors (posthog/hogql/errors.py, posthog/errors.py).
const RESOLUTION_CODES = new Set([
  'hogql_query_error',
  'hogql_error',
  'hogql_exception',
  'table_access_denied',
  'invalid_property_filter',
  'illegal_type_of_argument',
  'no_common_type',
  'not_an_aggregate',
  'unknown_function',
  'type_mismatch',
  'illegal_aggregation',
  'number_of_arguments_doesnt_match',
  'too_many_bytes',
  'cannot_parse_uuid',
  'invalid_join_on_expression',
  'unknown_table',
  'unknown_identifier',
])

const RESOLUTION_TEXT =
  /unable to resolve|unsupported function|unknown function|unknown table|requires \d+ arguments?|is not supported on queries|offset is not supported|cannot|illegal|type mismatch|not an aggregate/i

function detailText(body: ErrorBody | undefined, status: number): string {
  const detail = body?.detail
  if (typeof detail === 'string') return detail
  if (detail !== undefined && detail !== null) return JSON.stringify(detail)
  return `HTTP ${status}`
}

/**
 * Turns a non-2xx PostHog answer into a typed error whose message says what to do. Accepts both old and new
 * PostHog codes (`invalid_input` vs `hogql_syntax_error`, the two concurrency texts, 504 vs 513 for memory).
 */
export function classifyHttpError(failure: HttpFailure): PostHogClientError {
  const { status, purpose, hogql } = failure
  const parsed = errorBodySchema.safeParse(failure.body)
  const body = parsed.success ? parsed.data : undefined
  const posthogCode = body?.code ?? undefined
  const detail = detailText(body, status)
  const base = { status, posthogCode, detail, hogql }

  if (status === 401) {
    if (posthogCode === 'not_authenticated') {
      return new PostHogClientError(
        'authentication',
        'No API key reached PostHog. Set a personal API key (phx_…) with the query:read scope.',
        base,
      )
    }
    return new PostHogClientError(
      'authentication',
      `PostHog refused the API key: ${detail} Check that the personal API key was copied whole and has not been revoked, or create a new one in PostHog (Settings → Personal API keys).`,
      base,
    )
  }

  if (status === 403) {
    const scope = /missing required scope '([^']+)'/i.exec(detail)?.[1]
    if (scope) {
      return new PostHogClientError(
        'permission',
        `The API key lacks the '${scope}' scope. Edit the key in PostHog (Settings → Personal API keys) and add '${scope}', or create a key that has it.`,
        { ...base, requiredScope: scope },
      )
    }
    if (/does not have access to the requested (project|organization)|don't have access to the project/i.test(detail)) {
      return new PostHogClientError(
        'permission',
        `The API key may not access this project: ${detail} Check the project id, or allow the key this project (or its organisation) in PostHog.`,
        base,
      )
    }
    if (/does not support personal api key access/i.test(detail)) {
      return new PostHogClientError(
        'permission',
        `PostHog does not allow personal API keys on this endpoint: ${detail}`,
        base,
      )
    }
    return new PostHogClientError('permission', `PostHog refused access: ${detail}`, base)
  }

  if (status === 404) {
    if (purpose === 'poll' || purpose === 'cancel') {
      return new PostHogClientError(
        'invalid_request',
        `PostHog no longer knows this async query (status records expire 10 minutes after completion): ${detail} Run the query again.`,
        base,
      )
    }
    return new PostHogClientError(
      'project_not_found',
      `PostHog has no project with this id visible to the key (${detail}). Use the numeric project id from the project's settings page, not the project token (phc_…).`,
      base,
    )
  }

  if (status === 402) {
    return new PostHogClientError(
      'quota',
      `PostHog's API query allowance for this month is used up: ${detail} Raise the billing limit in PostHog or wait for the next period.`,
      base,
    )
  }

  if (status === 429) {
    const concurrency = isConcurrencyLimitText(detail)
    const retryAfterMs = parseRateLimitWait(detail) ?? parseRetryAfter(failure.retryAfter, failure.nowMs)
    const when = retryAfterMs === undefined ? 'in a moment' : `in ${Math.ceil(retryAfterMs / 1000)} s`
    return new PostHogClientError(
      'rate_limited',
      concurrency
        ? `PostHog is already running 3 queries for this organisation. Try again ${when}, or schedule fewer queries at the same time.`
        : `PostHog's rate limit for this API key was reached. Try again ${when}; spread scheduled queries out if it keeps happening.`,
      { ...base, retryAfterMs, rateLimitKind: concurrency ? 'concurrency' : 'throttled' },
    )
  }

  if (status === 400) return classifyBadRequest(base, detail, posthogCode)

  if (status === 504) {
    if (/memory limit/i.test(detail)) return memoryError(base, detail)
    return new PostHogClientError(
      'timeout',
      `PostHog stopped the query at its time limit: ${detail} Narrow the time range, aggregate more, or run it in async mode.`,
      { ...base, timeoutSource: 'posthog' },
    )
  }
  if (status === 512) {
    return new PostHogClientError(
      'query_too_slow',
      `PostHog estimated this query would run too long: ${detail} Shorten the time range or filter earlier.`,
      base,
    )
  }
  if (status === 513 || posthogCode === 'clickhouse_memory_limit_exceeded') return memoryError(base, detail)

  const retryAfterMs = parseRetryAfter(failure.retryAfter, failure.nowMs)
  if (status >= 500) {
    return new PostHogClientError(
      'server',
      `PostHog failed to answer (HTTP ${status}): ${detail} This is usually temporary; try again later.`,
      { ...base, retryAfterMs },
    )
  }
  return new PostHogClientError('invalid_request', `PostHog refused the request (HTTP ${status}): ${detail}`, base)
}

function memoryError(base: { status: number; detail: string }, detail: string): PostHogClientError {
  return new PostHogClientError(
    'query_memory',
    `The query hit ClickHouse's memory limit: ${detail} Select fewer columns, shorten the time range or aggregate before joining.`,
    base,
  )
}

function classifyBadRequest(
  base: { status: number; detail: string; posthogCode: string | undefined; hogql: string | undefined },
  detail: string,
  posthogCode: string | undefined,
): PostHogClientError {
  if (
    posthogCode === 'hogql_syntax_error' ||
    ((posthogCode === 'invalid_input' || !posthogCode) && SYNTAX_TEXT.test(detail))
  ) {
    return new PostHogClientError('hogql_syntax', `The HogQL does not parse: ${detail}`, base)
  }
  if (/offset is not supported/i.test(detail)) {
    return new PostHogClientError(
      'hogql_resolution',
      `PostHog rejects OFFSET for personal API keys. Remove OFFSET and page by time instead: filter on timestamp >= {period_start} AND timestamp < {period_end} and read with queryAll(). (${detail})`,
      base,
    )
  }
  if ((posthogCode !== undefined && RESOLUTION_CODES.has(posthogCode)) || RESOLUTION_TEXT.test(detail)) {
    return new PostHogClientError('hogql_resolution', `The HogQL cannot run: ${detail}`, base)
  }
  return new PostHogClientError('invalid_request', `PostHog refused the request: ${detail}`, base)
}
