import type { AggregationGrain } from '../config/aggregationGrain'
import { isValidTimeZone } from '../config/timeZone'
import type { BucketGrain } from './bucketStart'
import { ScheduleError, ScheduleErrorCode } from './ScheduleError'

/**
 * The buckets of a saved query's `grain` in the project's `timeZone`, or `undefined` without a grain. Throws a
 * {@link ScheduleError} (`invalid_grain`) for a grain without a zone or with a zone that is not IANA.
 */
export function bucketGrainOf(
  grain: AggregationGrain | undefined,
  timeZone: string | undefined,
): BucketGrain | undefined {
  if (!grain) return undefined
  if (timeZone === undefined) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidGrain,
      `A "${grain}" grain needs the PostHog project's time zone (pass timeZone, e.g. the timezone testConnection returns): PostHog starts each ${grain} bucket in that zone.`,
    )
  }
  if (!isValidTimeZone(timeZone)) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidGrain,
      `"${timeZone}" is not an IANA time zone; pass the PostHog project's zone, e.g. Europe/Berlin or UTC.`,
    )
  }
  return { unit: grain, timeZone }
}
