import { StatisfyError } from '../../errors/StatisfyError'

/**
 * Stable codes of API-host refusals. The API host is user input that the server fetches with the tenant's key,
 * so anything that could point it at the host's own network is refused (server-side request forgery).
 */
export const HostGuardErrorCode = {
  /** Not a usable URL. */
  HostInvalid: 'host_invalid',
  /** `http:` (or another scheme) without `allowHttp`. */
  HostNotHttps: 'host_not_https',
  /** `https://user:pass@host`: credentials in the URL would be sent somewhere other than the key. */
  HostHasCredentials: 'host_has_credentials',
  /** The host is, or resolves to, a private, loopback, link-local, CGNAT, unique-local, mapped or metadata address. */
  HostPrivateAddress: 'host_private_address',
  /** The host name did not resolve (or no resolver is available in this runtime). */
  HostUnresolvable: 'host_unresolvable',
  /** The server answered with a redirect; it is never followed with the key. */
  RedirectRefused: 'redirect_refused',
  /** The response body was larger than the cap. */
  ResponseTooLarge: 'response_too_large',
  /** The response did not complete within the time cap. */
  ResponseTimeout: 'response_timeout',
} as const
/** One of the {@link HostGuardErrorCode} values. */
export type HostGuardErrorCode = (typeof HostGuardErrorCode)[keyof typeof HostGuardErrorCode]

/** The API host was refused, or its response broke a cap. `message` says what to change. */
export class HostGuardError extends StatisfyError<HostGuardErrorCode> {
  override readonly name = 'HostGuardError'
}

/** True when `error` (or any error in its `cause` chain) is a {@link HostGuardError}; returns that error. */
export function findHostGuardError(error: unknown): HostGuardError | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof HostGuardError) return current
    current = current.cause
  }
  return undefined
}

/** True when `error` is a {@link HostGuardError}. */
export function isHostGuardError(error: unknown): error is HostGuardError {
  return error instanceof HostGuardError
}
