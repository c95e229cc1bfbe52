import * as z from 'zod'
import { StatisfyError } from '../errors/StatisfyError'

/**
 * The stable error codes the host handler answers with. PostHog client errors (`invalid_api_key`, `rate_limited`,
 * `hogql_syntax_error`, ...) and API-host guard refusals (`host_private_address`, ...) pass through with their own
 * codes, so {@link ApiError.code} is typed as these codes or any other string.
 */
export const ApiErrorCode = {
  /** The request body, path or query string did not parse; `issues` says which field and why. */
  InvalidRequest: 'invalid_request',
  /** `authorize(request)` rejected the request without a tenant (no or expired session). */
  Unauthorized: 'unauthorized',
  /** `authorize(request)` found the user but refused this tenant or action. */
  Forbidden: 'forbidden',
  /** No route matches the path. */
  RouteNotFound: 'route_not_found',
  /** The route exists but not for this method. */
  MethodNotAllowed: 'method_not_allowed',
  /** The tenant has no saved PostHog connection. */
  ConnectionNotFound: 'connection_not_found',
  /** No saved query with this id for the tenant. */
  QueryNotFound: 'query_not_found',
  /** No run with this id for the tenant. */
  RunNotFound: 'run_not_found',
  /** The query or mapping refers to something the host's catalog does not offer. */
  NotInCatalog: 'not_in_catalog',
  /** The body is larger than the handler accepts. */
  PayloadTooLarge: 'payload_too_large',
  /** The body is not JSON, or not `application/json`. */
  UnsupportedMediaType: 'unsupported_media_type',
  /** PostHog answered in a way the handler could not use; `message` tells what happened. */
  UpstreamError: 'upstream_error',
  /** Something failed inside the host (a store, the scheduler). Logged with details; the response stays generic. */
  InternalError: 'internal_error',
  /** The response from the host backend was not what this client expects (version skew, a proxy's error page). */
  InvalidResponse: 'invalid_response',
  /** The host backend could not be reached (network failure, CORS, aborted). */
  NetworkError: 'network_error',
} as const
/** One of the handler's own {@link ApiErrorCode} values. */
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

/** One problem with a request, at a dotted field path (`definition.mapping.account.column`; `''` for the whole body). */
export const apiIssueSchema = z.object({ path: z.string(), message: z.string() })
/** One problem with a request, at a dotted field path. */
export type ApiIssue = z.infer<typeof apiIssueSchema>

/**
 * The body of every error response: `{ error: { code, message, issues? } }`. `message` is written for a person;
 * `issues` is present for invalid input and names each field.
 */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(apiIssueSchema).optional(),
    /** Seconds to wait before retrying, when PostHog rate-limited the request. */
    retryAfterSeconds: z.number().nonnegative().optional(),
  }),
})
/** The body of every error response. */
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>

/**
 * An error answered by the host backend (or met on the way to it), as thrown by the api client.
 *
 * @example
 * try { await api.saveQuery(definition) } catch (error) {
 *   if (isApiError(error) && error.code === 'invalid_request') showFieldErrors(error.issues)
 * }
 */
export class ApiError extends StatisfyError<ApiErrorCode | (string & {})> {
  override readonly name = 'ApiError'
  /** HTTP status of the response; `0` when no response arrived. */
  readonly status: number
  /** Field problems for `invalid_request` (empty otherwise). */
  readonly issues: readonly ApiIssue[]
  /** Seconds PostHog asked to wait, for rate-limit errors. */
  readonly retryAfterSeconds: number | undefined

  constructor(
    code: ApiErrorCode | (string & {}),
    message: string,
    options: { status: number; issues?: readonly ApiIssue[]; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(code, message, { cause: options.cause })
    this.status = options.status
    this.issues = options.issues ?? []
    this.retryAfterSeconds = options.retryAfterSeconds
  }

  /** The wire form of this error, as the handler sends it. */
  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues.length > 0 ? { issues: [...this.issues] } : {}),
        ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      },
    }
  }
}

/** True when `error` is an {@link ApiError}. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** Turns zod issues into dotted-path issues (`definition.mapping.account.column`; `''` for the whole value). */
export function toApiIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}
