/** Stable codes of {@link ImportedDataError}: the worker's own, plus the two the client adds. */
export const ImportedDataErrorCode = {
  InvalidRequest: 'invalid_request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  AccountNotFound: 'account_not_found',
  InternalError: 'internal_error',
  /** The worker could not be reached (down, or the proxy has nowhere to send the request). */
  Network: 'network_error',
  /** The answer is not what the API sends (another server on the port, a proxy's error page). */
  BadResponse: 'bad_response',
} as const
export type ImportedDataErrorCode = (typeof ImportedDataErrorCode)[keyof typeof ImportedDataErrorCode]

/** A failed imported-data request: `status` is 0 when no HTTP answer came. */
export class ImportedDataError extends Error {
  override readonly name = 'ImportedDataError'
  constructor(
    readonly code: ImportedDataErrorCode | (string & {}),
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** True when `error` is an {@link ImportedDataError}, optionally with one of `codes`. */
export function isImportedDataError(error: unknown, ...codes: string[]): error is ImportedDataError {
  return error instanceof ImportedDataError && (codes.length === 0 || codes.includes(error.code))
}
