import { ApiError, ApiErrorCode } from '../../api/index'
import { type PostHogClientError, PostHogClientErrorCode } from '../../client/index'
import { findHostGuardError, type HostGuardError, HostGuardErrorCode } from '../guard/HostGuardError'

/**
 * The response for a PostHog client error: its code passes through (`authentication`, `permission`,
 * `hogql_syntax`, `rate_limited`, `timeout`, ...) with a status that tells the browser who must act. `401`/`403`
 * are never used for PostHog's refusals: they would read as the host's own session having expired.
 * `field` names the request field the user should change (`apiHost`, `personalApiKey`, `hogql`).
 */
export function fromPostHogError(error: PostHogClientError, field: { hogql?: string } = {}): ApiError {
  const guard = findHostGuardError(error)
  if (guard) return fromHostGuardError(guard)
  const message = error.message
  switch (error.code) {
    case PostHogClientErrorCode.authentication:
      return new ApiError(error.code, message, { status: 422, issues: [{ path: 'personalApiKey', message }] })
    case PostHogClientErrorCode.permission:
      return new ApiError(error.code, message, { status: 422, issues: [{ path: 'personalApiKey', message }] })
    case PostHogClientErrorCode.projectNotFound:
      return new ApiError(error.code, message, { status: 422, issues: [{ path: 'projectId', message }] })
    case PostHogClientErrorCode.hogqlSyntax:
    case PostHogClientErrorCode.hogqlResolution:
      return new ApiError(error.code, message, {
        status: 422,
        ...(field.hogql !== undefined ? { issues: [{ path: field.hogql, message }] } : {}),
      })
    case PostHogClientErrorCode.queryTooSlow:
    case PostHogClientErrorCode.queryMemory:
    case PostHogClientErrorCode.quota:
    case PostHogClientErrorCode.truncatedResult:
      return new ApiError(error.code, message, { status: 422 })
    case PostHogClientErrorCode.rateLimited:
      return new ApiError(error.code, message, {
        status: 429,
        ...(error.retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) } : {}),
      })
    case PostHogClientErrorCode.timeout:
      return new ApiError(error.code, message, { status: 504 })
    case PostHogClientErrorCode.aborted:
      return new ApiError(error.code, message, { status: 503 })
    case PostHogClientErrorCode.invalidRequest:
      // PostHog refused the request itself: a kit bug, not the user's input; keep our own invalid_request for the latter.
      return new ApiError(ApiErrorCode.UpstreamError, message, { status: 502 })
    case PostHogClientErrorCode.server:
    case PostHogClientErrorCode.network:
    case PostHogClientErrorCode.invalidResponse:
      return new ApiError(error.code, message, { status: 502 })
    default:
      return error.code satisfies never
  }
}

/** The response for an API-host refusal: the host field is what to change, except for caps hit mid-response. */
export function fromHostGuardError(error: HostGuardError): ApiError {
  switch (error.code) {
    case HostGuardErrorCode.HostInvalid:
    case HostGuardErrorCode.HostNotHttps:
    case HostGuardErrorCode.HostHasCredentials:
    case HostGuardErrorCode.HostPrivateAddress:
    case HostGuardErrorCode.HostUnresolvable:
      return new ApiError(error.code, error.message, {
        status: 400,
        issues: [{ path: 'apiHost', message: error.message }],
      })
    case HostGuardErrorCode.RedirectRefused:
      return new ApiError(error.code, error.message, {
        status: 422,
        issues: [{ path: 'apiHost', message: error.message }],
      })
    case HostGuardErrorCode.ResponseTooLarge:
      return new ApiError(error.code, error.message, { status: 422 })
    case HostGuardErrorCode.ResponseTimeout:
      return new ApiError(error.code, error.message, { status: 504 })
    default:
      return error.code satisfies never
  }
}
