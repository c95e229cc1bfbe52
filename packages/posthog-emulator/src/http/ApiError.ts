/**
 * DRF error types as drf-exceptions-hog renders them. SRC: PostHog/drf-exceptions-hog `exceptions_hog/handler.py`.
 */
export type ApiErrorType =
  | 'authentication_error'
  | 'invalid_request'
  | 'throttled_error'
  | 'validation_error'
  | 'server_error'

/** An HTTP error answered with PostHog's body `{type, code, detail, attr}`. */
export class ApiError extends Error {
  readonly status: number
  readonly type: ApiErrorType
  readonly code: string
  readonly detail: string
  readonly attr: string | null
  readonly headers: Readonly<Record<string, string>>

  constructor(
    status: number,
    type: ApiErrorType,
    code: string,
    detail: string,
    options: { attr?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.type = type
    this.code = code
    this.detail = detail
    this.attr = options.attr ?? null
    this.headers = options.headers ?? {}
  }

  /** The JSON body PostHog sends. */
  body(): { type: ApiErrorType; code: string; detail: string; attr: string | null } {
    return { type: this.type, code: this.code, detail: this.detail, attr: this.attr }
  }
}

/** 404 `{"type":"invalid_request","code":"not_found",...}`. */
export function notFound(detail = 'Not found.'): ApiError {
  return new ApiError(404, 'invalid_request', 'not_found', detail)
}

/** 403 permission_denied, as `APIScopePermission` and friends answer. */
export function permissionDenied(detail: string): ApiError {
  return new ApiError(403, 'authentication_error', 'permission_denied', detail)
}

/** 400 validation_error with a code (`hogql_query_error`, `invalid_input`, ...). */
export function validationError(code: string, detail: string): ApiError {
  return new ApiError(400, 'validation_error', code, detail)
}

/**
 * DRF's `Throttled(wait)`: "Request was throttled. Expected available in N seconds." (wait rounded up; singular
 * for 1). PostHog sends no Retry-After header on 429. SRC: DRF `exceptions.Throttled`, drf-exceptions-hog tests.
 */
export function throttled(waitSeconds: number): ApiError {
  const wait = Math.max(0, Math.ceil(waitSeconds))
  return new ApiError(
    429,
    'throttled_error',
    'throttled',
    `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`,
  )
}

/** 429 when all of the organisation's concurrent query slots stay busy. SRC: `posthog/clickhouse/client/limit.py` (newest text). */
export function concurrencyLimited(): ApiError {
  return new ApiError(
    429,
    'throttled_error',
    'throttled',
    'Too many queries are running right now — please try again in a moment.',
  )
}

/** 504 for ClickHouse TIMEOUT_EXCEEDED. SRC: `posthog/exceptions.py`. */
export function queryTimeout(): ApiError {
  return new ApiError(
    504,
    'server_error',
    'error',
    'Query has hit the max execution time before completing. See our docs for how to improve your query performance. You may need to materialize.',
  )
}
