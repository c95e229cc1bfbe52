import { StatisfyError } from '../errors/StatisfyError'

/** Stable codes of schedule errors. */
export const ScheduleErrorCode = {
  InvalidWindow: 'invalid_window',
  /** A grain without the project's time zone, or with a zone that is not IANA. */
  InvalidGrain: 'invalid_grain',
} as const
export type ScheduleErrorCode = (typeof ScheduleErrorCode)[keyof typeof ScheduleErrorCode]

/** A time window or backfill range that cannot be run. */
export class ScheduleError extends StatisfyError<ScheduleErrorCode> {
  override readonly name = 'ScheduleError'
}
