import { StatisfyError } from '@statisfy/posthog-sdk'

/** Stable codes of the worker's store failures, for a caller that must branch (the CLI, the HTTP routes). */
export const WorkerStoreErrorCode = {
  /** A tenant id is not 1 to 64 letters, digits, `_` or `-`. */
  InvalidTenantId: 'invalid_tenant_id',
  /** The tenant (or the run) an operation needs is not in the database. */
  NotFound: 'not_found',
  /** A run id is already taken by another tenant's run. */
  RunOfOtherTenant: 'run_of_other_tenant',
  /** A value handed to a store does not pass the SDK's schema, so it could not be read back. */
  InvalidValue: 'invalid_value',
  /** A stored row no longer parses (edited by hand, or written by an incompatible version). */
  CorruptRow: 'corrupt_row',
} as const
/** One of the {@link WorkerStoreErrorCode} values. */
export type WorkerStoreErrorCode = (typeof WorkerStoreErrorCode)[keyof typeof WorkerStoreErrorCode]

/** A store refused an input or found a stored row it cannot read; the message names the row and what to do. */
export class WorkerStoreError extends StatisfyError<WorkerStoreErrorCode> {
  override readonly name = 'WorkerStoreError'
}

/** True when `error` is a {@link WorkerStoreError}, optionally with one of `codes`. */
export function isWorkerStoreError(error: unknown, ...codes: WorkerStoreErrorCode[]): error is WorkerStoreError {
  return error instanceof WorkerStoreError && (codes.length === 0 || codes.includes(error.code))
}
