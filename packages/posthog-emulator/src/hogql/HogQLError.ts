/**
 * The two error families PostHog exposes for HogQL: `hogql_syntax_error` (parser) and `hogql_query_error`
 * (resolution: unknown fields, functions, bad arguments). PostHog turns them into a 400 with
 * `{type:"validation_error", code, detail}` and keeps the offsets for HogQLMetadata only.
 * SRC: PostHog/posthog `posthog/hogql/errors.py` (`code_name`), `posthog/api/query.py`.
 */
export const HogQLErrorCode = {
  syntax: 'hogql_syntax_error',
  query: 'hogql_query_error',
} as const

/** A HogQL error code as PostHog sends it in the `code` field. */
export type HogQLErrorCode = (typeof HogQLErrorCode)[keyof typeof HogQLErrorCode]

/** An error in a HogQL query, with 0-based character offsets into the query text when known (end exclusive). */
export class HogQLError extends Error {
  readonly code: HogQLErrorCode
  readonly start: number | null
  readonly end: number | null

  constructor(code: HogQLErrorCode, message: string, position?: { start: number; end: number }) {
    super(message)
    this.name = 'HogQLError'
    this.code = code
    this.start = position?.start ?? null
    this.end = position?.end ?? null
  }
}

/** Throws a resolution error (`hogql_query_error`) located at `node`. */
export function queryError(message: string, node?: { start: number; end: number }): HogQLError {
  return new HogQLError(HogQLErrorCode.query, message, node)
}

/** Whether `error` is a {@link HogQLError}. */
export function isHogQLError(error: unknown): error is HogQLError {
  return error instanceof HogQLError
}
