import { StatisfyError } from '../../errors/StatisfyError'

/** Stable codes of secret store failures. */
export const SecretStoreErrorCode = {
  /** A sealing key is not 32 bytes (base64 or raw), or the current key id is not among the keys. */
  InvalidKey: 'invalid_key',
  /** A sealed secret names a key id the store was not given (a key was retired too early). */
  UnknownKeyId: 'unknown_key_id',
  /** A sealed secret failed authentication: corrupted, tampered with, or moved to another tenant's slot. */
  SealBroken: 'seal_broken',
  /** The secret manager refused or failed (permissions, quota, network). */
  BackendFailed: 'backend_failed',
} as const
/** One of the {@link SecretStoreErrorCode} values. */
export type SecretStoreErrorCode = (typeof SecretStoreErrorCode)[keyof typeof SecretStoreErrorCode]

/** A secret could not be sealed, opened or reached. Never carries the secret itself. */
export class SecretStoreError extends StatisfyError<SecretStoreErrorCode> {
  override readonly name = 'SecretStoreError'
}

/** True when `error` is a {@link SecretStoreError}. */
export function isSecretStoreError(error: unknown): error is SecretStoreError {
  return error instanceof SecretStoreError
}
