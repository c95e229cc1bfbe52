import type { AggregationGrain } from '../config/aggregationGrain'
import { offsetAt, zonedWallTimeToUtc } from '../mapping/coerce/zonedTime'

/** Time buckets as PostHog computes them: a grain in the project's IANA time zone (`toStartOfDay` uses the team's zone). */
export interface BucketGrain {
  unit: AggregationGrain
  /** The PostHog project's time zone, e.g. `Europe/Berlin` (what `testConnection` returns as `timezone`). */
  timeZone: string
}

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

// The local midnight that starts the bucket of the local day `wallDay` (a Date.UTC of the local date) and of the next.
function dayBuckets(wallDay: number, unit: Exclude<AggregationGrain, 'hour'>): { first: number; next: number } {
  const date = new Date(wallDay)
  switch (unit) {
    case 'day':
      return { first: wallDay, next: wallDay + DAY_MS }
    case 'week_monday':
    case 'week_sunday': {
      const back = unit === 'week_monday' ? (date.getUTCDay() + 6) % 7 : date.getUTCDay()
      const first = wallDay - back * DAY_MS
      return { first, next: first + 7 * DAY_MS }
    }
    case 'month':
      return {
        first: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1),
        next: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
      }
    default:
      return unit satisfies never
  }
}

function bucketOf(instant: number, { unit, timeZone }: BucketGrain): { start: number; next: number } {
  // The wall-clock reading of the instant in the zone, as if that reading were UTC.
  const wall = instant + offsetAt(instant, timeZone)
  const { first, next } = dayBuckets(wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS), unit === 'hour' ? 'day' : unit)
  // A local midnight lost to a DST jump (America/Santiago) starts the day at the first instant after the jump.
  const start = zonedWallTimeToUtc(first, timeZone)
  const end = zonedWallTimeToUtc(next, timeZone)
  if (unit !== 'hour') return { start, next: end }
  // ClickHouse's toStartOfHour counts whole hours from the start of the local day, the last one ending with the day.
  // That is the wall-clock hour wherever offsets change by whole hours (the two 02:00 hours of a fall-back night
  // stay apart; Asia/Kolkata hours start at :30 UTC), and not on the days Australia/Lord_Howe moves by 30 minutes:
  // there, after the change, hours run from :30 to :30 of the wall clock until midnight (checked with chdb).
  const hour = start + Math.floor((instant - start) / HOUR_MS) * HOUR_MS
  return { start: hour, next: Math.min(hour + HOUR_MS, end) }
}

/**
 * The start of the bucket containing `instant`: the local hour, midnight, Monday or Sunday midnight, or first of the
 * month in `grain.timeZone`, DST-correct (the Europe/Berlin day of the spring-forward is 23 hours long).
 * @example bucketStart(new Date('2026-03-29T12:00:00Z'), { unit: 'day', timeZone: 'Europe/Berlin' }) // 2026-03-28T23:00:00Z
 */
export function bucketStart(instant: Date, grain: BucketGrain): Date {
  return new Date(bucketOf(instant.getTime(), grain).start)
}

/** The start of the bucket after the one containing `instant` (its exclusive end). */
export function nextBucketStart(instant: Date, grain: BucketGrain): Date {
  return new Date(bucketOf(instant.getTime(), grain).next)
}

/** `instant` when it starts a bucket, else the start of the next bucket: the smallest bucket boundary at or after it. */
export function bucketCeil(instant: Date, grain: BucketGrain): Date {
  const { start, next } = bucketOf(instant.getTime(), grain)
  return new Date(start === instant.getTime() ? start : next)
}
