import { StatisfyError } from '../../errors/StatisfyError'

/**
 * Stable codes of every failure the HogQL client reports. Hosts branch on these, never on messages.
 * @example if (isPostHogClientError(e, 'rate_limited')) retryLaterIn(e.retryAfterMs)
 */
export const PostHogClientErrorCode = {
  /** The key is invalid, revoked or deleted (401), or no credentials were sent. */
  authentication: 'authentication',
  /** The key lacks a scope (`requiredScope` names it) or may not access this project/organisation (403). */
  permission: 'permission',
  /** The project id does not exist or is not visible to the key (404). */
  projectNotFound: 'project_not_found',
  /** HogQL does not parse (`hogql_syntax_error`, or an older server's `invalid_input` with a parser message). */
  hogqlSyntax: 'hogql_syntax',
  /** HogQL parses but cannot run: unknown field/function/table, type errors, OFFSET with a personal API key. */
  hogqlResolution: 'hogql_resolution',
  /** PostHog refused the request itself (bad body, kind mismatch): a bug in the caller, not in the HogQL. */
  invalidRequest: 'invalid_request',
  /** 429: too many requests or too many concurrent queries; `retryAfterMs` holds PostHog's wait when it gave one. */
  rateLimited: 'rate_limited',
  /** The request ran out of time: ours (`timeoutSource: 'client'`) or PostHog's 504 (`timeoutSource: 'posthog'`). */
  timeout: 'timeout',
  /** 512: ClickHouse estimated the query would run too long. */
  queryTooSlow: 'query_too_slow',
  /** 513 (or an older 504 saying so): the query hit ClickHouse's memory limit. */
  queryMemory: 'query_memory',
  /** 5xx other than the above: PostHog or ClickHouse failed. */
  server: 'server',
  /** The request never got an HTTP answer (DNS, refused, reset, TLS). */
  network: 'network',
  /** The answer was not what PostHog sends: malformed JSON, a cut body, an unexpected shape (`field` says where). */
  invalidResponse: 'invalid_response',
  /** 402: the organisation used up its API query allowance for the month. */
  quota: 'quota',
  /** The result was cut by PostHog's row limits and the client could not page around it. */
  truncatedResult: 'truncated_result',
  /** The caller aborted through its `AbortSignal`. */
  aborted: 'aborted',
} as const

/** Union of every {@link PostHogClientErrorCode} value. */
export type PostHogClientErrorCode = (typeof PostHogClientErrorCode)[keyof typeof PostHogClientErrorCode]

/** Which side gave up on a `timeout`. */
export type TimeoutSource = 'client' | 'posthog'

/** Why a `truncated_result` was raised. */
export type TruncationReason = 'implicit_limit' | 'row_cap' | 'no_window_placeholders' | 'window_too_dense'

/** Facts attached to a {@link PostHogClientError}; only the ones that apply are set. */
export interface PostHogClientErrorDetails {
  /** HTTP status, when PostHog answered. */
  status?: number
  /** PostHog's own `code` (e.g. `hogql_syntax_error`, `invalid_input`, `throttled`). */
  posthogCode?: string
  /** PostHog's `detail` text, verbatim. */
  detail?: string
  /** Milliseconds PostHog asked us to wait (429 text or `Retry-After`). */
  retryAfterMs?: number
  /** For `rate_limited`: a request budget (`throttled`) or the per-organisation concurrency slots (`concurrency`). */
  rateLimitKind?: 'throttled' | 'concurrency'
  /** For `permission`: the scope the key lacks, e.g. `query:read`. */
  requiredScope?: string
  /** For `timeout`. */
  timeoutSource?: TimeoutSource
  /** For HogQL errors: 0-based offsets into the HogQL (end exclusive), when known (only through HogQLMetadata). */
  start?: number
  end?: number
  /** For HogQL errors: replacement text PostHog proposes for [start, end). */
  fix?: string
  /** For `invalid_response`: the path of the field that was wrong, e.g. `results.3`. */
  field?: string
  /** For `truncated_result`. */
  truncationReason?: TruncationReason
  /** Attempts made before giving up (retries included). */
  attempts?: number
  /** The HogQL that was sent, when the error concerns a query. */
  hogql?: string
}

/**
 * The one error class of the HogQL client. `code` is stable; `message` says what the user can do;
 * the details say what PostHog answered.
 */
export class PostHogClientError extends StatisfyError<PostHogClientErrorCode> {
  override readonly name = 'PostHogClientError'
  readonly status: number | undefined
  readonly posthogCode: string | undefined
  readonly detail: string | undefined
  readonly retryAfterMs: number | undefined
  readonly rateLimitKind: 'throttled' | 'concurrency' | undefined
  readonly requiredScope: string | undefined
  readonly timeoutSource: TimeoutSource | undefined
  readonly start: number | undefined
  readonly end: number | undefined
  readonly fix: string | undefined
  readonly field: string | undefined
  readonly truncationReason: TruncationReason | undefined
  readonly attempts: number | undefined
  readonly hogql: string | undefined

  constructor(
    code: PostHogClientErrorCode,
    message: string,
    details: PostHogClientErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, options)
    this.status = details.status
    this.posthogCode = details.posthogCode
    this.detail = details.detail
    this.retryAfterMs = details.retryAfterMs
    this.rateLimitKind = details.rateLimitKind
    this.requiredScope = details.requiredScope
    this.timeoutSource = details.timeoutSource
    this.start = details.start
    this.end = details.end
    this.fix = details.fix
    this.field = details.field
    this.truncationReason = details.truncationReason
    this.attempts = details.attempts
    this.hogql = details.hogql
  }

  /** A copy with more details (e.g. positions found through HogQLMetadata, or the attempt count). */
  with(details: PostHogClientErrorDetails, message: string = this.message): PostHogClientError {
    return new PostHogClientError(this.code, message, { ...this.details(), ...details }, { cause: this.cause })
  }

  /** The details as a plain object (for logs and the wire protocol). */
  details(): PostHogClientErrorDetails {
    const all: PostHogClientErrorDetails = {
      status: this.status,
      posthogCode: this.posthogCode,
      detail: this.detail,
      retryAfterMs: this.retryAfterMs,
      rateLimitKind: this.rateLimitKind,
      requiredScope: this.requiredScope,
      timeoutSource: this.timeoutSource,
      start: this.start,
      end: this.end,
      fix: this.fix,
      field: this.field,
      truncationReason: this.truncationReason,
      attempts: this.attempts,
      hogql: this.hogql,
    }
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as PostHogClientErrorDetails
  }
}

/**
 * True when `error` is a {@link PostHogClientError}, optionally with one of the given codes.
 * @example if (isPostHogClientError(e, 'hogql_syntax', 'hogql_resolution')) showInEditor(e.start, e.end)
 */
export function isPostHogClientError<C extends PostHogClientErrorCode>(
  error: unknown,
  ...codes: C[]
): error is PostHogClientError & { readonly code: C } {
  return error instanceof PostHogClientError && (codes.length === 0 || (codes as string[]).includes(error.code))
}

/** True for errors the HogQL author fixes by editing the query (syntax, resolution). */
export function isHogQLError(error: unknown): error is PostHogClientError {
  return isPostHogClientError(error, 'hogql_syntax', 'hogql_resolution')
}

/** True for errors the connection settings fix (key, scope, project, host). */
export function isConnectionError(error: unknown): error is PostHogClientError {
  return isPostHogClientError(error, 'authentication', 'permission', 'project_not_found')
}
