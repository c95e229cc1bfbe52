import { StatisfyError } from '../errors/StatisfyError'

/** Stable codes of sync failures that are the engine's own (others keep their area's code, e.g. `missing_columns`). */
export const SyncErrorCode = {
  /** The host's `RecordSink.write` threw. */
  SinkFailed: 'sink_failed',
  /** The run was aborted through its signal. */
  Aborted: 'aborted',
  /** An unexpected error (a bug or a port that threw something that is not an Error). */
  Internal: 'internal',
} as const
export type SyncErrorCode = (typeof SyncErrorCode)[keyof typeof SyncErrorCode]

/** A failure of the sync engine itself or of a host port it calls. */
export class SyncError extends StatisfyError<SyncErrorCode> {
  override readonly name = 'SyncError'
}

/** True when `error` is a {@link SyncError}. */
export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError
}
