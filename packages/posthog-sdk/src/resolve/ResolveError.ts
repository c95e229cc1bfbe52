import { StatisfyError } from '../errors/StatisfyError'

/** Stable codes of errors thrown by account resolution (per-row outcomes are results, never errors). */
export const ResolveErrorCode = {
  /** `resolve()` was asked for a resolver the index was not built for. */
  ResolverNotIndexed: 'resolver_not_indexed',
  /** The host's directory gave an account without a usable id. */
  InvalidDirectoryAccount: 'invalid_directory_account',
  /** Reading the host's directory failed; the cause is attached. */
  DirectoryFailed: 'directory_failed',
  /** Building the index was aborted through its `signal`. */
  Aborted: 'aborted',
} as const
export type ResolveErrorCode = (typeof ResolveErrorCode)[keyof typeof ResolveErrorCode]

/** An account index could not be built or was used for a resolver it does not cover. */
export class ResolveError extends StatisfyError<ResolveErrorCode> {
  override readonly name = 'ResolveError'
}

/** True when `error` is a {@link ResolveError}. */
export function isResolveError(error: unknown): error is ResolveError {
  return error instanceof ResolveError
}
