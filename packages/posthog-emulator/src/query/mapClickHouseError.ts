import { ApiError, queryTimeout, validationError } from '../http/ApiError'

/**
 * ClickHouse errors PostHog exposes to users as 400s, with the code names it sends.
 * SRC: PostHog/posthog `posthog/errors.py` (`wrap_clickhouse_query_error`, `ExposedCHQueryError`).
 */
const USER_ERRORS: Record<number, string> = {
  6: 'cannot_parse_text',
  27: 'cannot_parse_input_assertion_failed',
  36: 'bad_arguments',
  38: 'cannot_parse_date',
  41: 'cannot_parse_datetime',
  42: 'number_of_arguments_doesnt_match',
  43: 'illegal_type_of_argument',
  44: 'illegal_column',
  46: 'unknown_function',
  47: 'unknown_identifier',
  53: 'type_mismatch',
  60: 'unknown_table',
  69: 'argument_out_of_bound',
  70: 'cannot_convert_type',
  72: 'cannot_parse_number',
  179: 'multiple_expressions_for_alias',
  184: 'illegal_aggregation',
  215: 'not_an_aggregate',
  307: 'too_many_bytes',
  352: 'ambiguous_column_name',
  376: 'cannot_parse_uuid',
  386: 'no_common_type',
  403: 'invalid_join_on_expression',
}

/** Maps a chdb error to PostHog's HTTP error for the same ClickHouse failure. */
export function mapClickHouseError(error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error)
  const code = Number(/Code: (\d+)\./.exec(message)?.[1] ?? Number.NaN)
  const text = message
    .replace(/^.*?DB::Exception: /s, '')
    .replace(/\s*\([A-Z_]+\)\s*$/s, '')
    .replace(/\. Stack trace:.*$/s, '')
    .trim()
  if (code === 159) return queryTimeout()
  if (code === 160) {
    const seconds = /(\d+(?:\.\d+)?) seconds/.exec(text)?.[1] ?? '?'
    return new ApiError(
      512,
      'server_error',
      'error',
      `Estimated query execution time (${seconds} seconds) is too long. Try reducing its scope by changing the time range.`,
    )
  }
  if (code === 241) {
    return new ApiError(
      513,
      'server_error',
      'clickhouse_memory_limit_exceeded',
      'Query exceeds memory limits. Try reducing its scope by changing the time range.',
    )
  }
  if (code === 202) {
    return new ApiError(
      503,
      'server_error',
      'error',
      'Queries are a little too busy right now. We are working to resolve it. Please try again later.',
    )
  }
  const userCode = USER_ERRORS[code]
  if (userCode !== undefined) return validationError(userCode, text)
  return new ApiError(500, 'server_error', 'error', 'ClickHouse error while executing query.')
}
