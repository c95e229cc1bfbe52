import type { AggregationGrain } from '../config/aggregationGrain'
import type { Cadence } from '../config/cadence'
import { bucketGrainOf } from './bucketGrainOf'
import { bucketCeil, bucketStart, nextBucketStart } from './bucketStart'
import { runsPerHour } from './requestBudget'
import { ScheduleError, ScheduleErrorCode } from './ScheduleError'

/** A half-open time range `[start, end)` filled into a query's `{period_start}` and `{period_end}`. */
export interface TimeWindow {
  start: Date
  end: Date
}

const HOUR_MS = 3_600_000

/** How a saved query buckets its rows in time, for windows that must not cut a bucket. */
export interface GrainOptions {
  /**
   * The query's {@link AggregationGrain} (its `grain`). With one, windows start and end on bucket boundaries so each
   * bucket is read whole; without, windows are plain instants.
   */
  grain?: AggregationGrain | undefined
  /**
   * The PostHog project's IANA time zone, where PostHog computes `toStartOfDay` and friends (the `timezone` that
   * `testConnection` returns). Required with `grain`; the cadence's zone is the schedule's, not the project's.
   */
  timeZone?: string | undefined
}

/** Options of {@link runWindow}. */
export interface RunWindowOptions extends GrainOptions {
  /** When this run was scheduled; the window ends here. */
  scheduledAt: Date
  /** The end of the last window that was written in full, if any. */
  watermark?: Date | undefined
  /**
   * How far a first run (no watermark) reaches back.
   * @default one cadence period (a day for daily, an hour for every 60 minutes), at least one hour
   */
  initialLookbackMs?: number
  /**
   * Longest stretch past the watermark one run covers, so that a worker that was down for a month catches up in
   * bounded runs. With a grain the window ends on the last bucket boundary within it (at least one bucket past the
   * watermark, so each run makes progress); the re-read bucket and `lateArrivalMs` come on top.
   * @default 31 days
   */
  maxSpanMs?: number
  /**
   * How long after the fact events may still arrive (SDKs that batch or retry, imports). Each run starts this much
   * before the watermark (then snapped down to a bucket start with a grain), so buckets that late events change
   * are read again and their upserted values corrected. Costs re-reading that span on every run.
   * @default 0
   * @example lateArrivalMs: 2 * 3_600_000 // re-read the last two hours (with grain 'day', from that day's start)
   */
  lateArrivalMs?: number
}

/**
 * The window an incremental run reads: from the watermark (or one period back on a first run) to the scheduled time.
 * A watermark older than `maxSpanMs` is caught up from its start, `maxSpanMs` at a time: the window starts at the
 * watermark so no data is skipped, and the next run continues where this one ends.
 *
 * With a `grain`, the start snaps down to the start of the bucket holding the watermark (less `lateArrivalMs`): the
 * bucket the last run read "so far" is read again whole, so its upserted value is the complete one. The end stays
 * the scheduled time; its bucket is partial until the next run re-reads it. Store the window's `end` as the next
 * watermark, as without a grain.
 * @example runWindow(cadence, { scheduledAt, watermark, grain: 'day', timeZone: 'Europe/Berlin' })
 */
export function runWindow(cadence: Cadence, options: RunWindowOptions): TimeWindow {
  const grain = bucketGrainOf(options.grain, options.timeZone)
  const scheduledAt = options.scheduledAt.getTime()
  const maxSpanMs = options.maxSpanMs ?? 31 * 24 * HOUR_MS
  const lateArrivalMs = options.lateArrivalMs ?? 0
  if (!(maxSpanMs > 0)) throw new ScheduleError(ScheduleErrorCode.InvalidWindow, 'maxSpanMs must be positive.')
  if (options.initialLookbackMs !== undefined && !(options.initialLookbackMs > 0)) {
    throw new ScheduleError(ScheduleErrorCode.InvalidWindow, 'initialLookbackMs must be positive milliseconds.')
  }
  if (!(lateArrivalMs >= 0)) {
    throw new ScheduleError(ScheduleErrorCode.InvalidWindow, 'lateArrivalMs must be zero or positive milliseconds.')
  }
  const period = Math.max(HOUR_MS, HOUR_MS / runsPerHour(cadence))
  const from = options.watermark?.getTime() ?? scheduledAt - (options.initialLookbackMs ?? period)
  if (from >= scheduledAt) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidWindow,
      `Nothing to read: the watermark ${new Date(from).toISOString()} is not before the scheduled time ${options.scheduledAt.toISOString()}.`,
    )
  }
  const reachBack = new Date(from - lateArrivalMs)
  const start = grain ? bucketStart(reachBack, grain) : reachBack
  if (from + maxSpanMs >= scheduledAt) return { start, end: options.scheduledAt }
  let end = new Date(from + maxSpanMs)
  if (grain) {
    end = bucketStart(end, grain)
    if (end.getTime() <= from) end = nextBucketStart(new Date(from), grain)
    if (end.getTime() > scheduledAt) end = options.scheduledAt
  }
  return { start, end }
}

/** Options of {@link backfillWindows}. */
export interface BackfillWindowOptions extends GrainOptions {
  /**
   * The current time. With a grain, the end is snapped up only as far as this: the end of a bucket still in progress
   * lies in the future, and a watermark there would make the next run skip what arrives until then.
   * @default new Date()
   */
  now?: Date | undefined
}

/**
 * Splits `[start, end)` into consecutive windows of at most `spanMs`, for a backfill. The last window may be shorter.
 *
 * With a `grain`, the range widens to whole buckets (start snapped down, end snapped up) and every window starts and
 * ends on a bucket boundary: each spans the whole buckets that fit in `spanMs`, and at least one bucket when a
 * bucket is longer (a month with a 7-day span). The one exception: when snapping up would pass `now`, the last window
 * ends at `now` (or at `end`, if later) and reads its bucket "so far", as `runWindow` does; the next incremental run,
 * from that watermark, reads the bucket again whole.
 * @example backfillWindows(new Date('2025-01-01'), new Date('2025-04-01'), 7 * 86_400_000)
 * @example backfillWindows(start, end, 7 * 86_400_000, { grain: 'day', timeZone: 'Europe/Berlin' })
 */
export function backfillWindows(
  start: Date,
  end: Date,
  spanMs: number,
  options: BackfillWindowOptions = {},
): TimeWindow[] {
  const grain = bucketGrainOf(options.grain, options.timeZone)
  if (!(spanMs > 0))
    throw new ScheduleError(ScheduleErrorCode.InvalidWindow, 'A backfill window span must be positive.')
  if (!(start.getTime() < end.getTime())) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidWindow,
      `A backfill needs its start (${start.toISOString()}) before its end (${end.toISOString()}).`,
    )
  }
  const first = grain ? bucketStart(start, grain).getTime() : start.getTime()
  const now = (options.now ?? new Date()).getTime()
  const ceil = grain ? bucketCeil(end, grain).getTime() : end.getTime()
  const last = ceil > now ? Math.max(end.getTime(), now) : ceil
  const windows: TimeWindow[] = []
  for (let at = first; at < last; ) {
    let next = Math.min(at + spanMs, last)
    if (grain && next < last) {
      next = bucketStart(new Date(next), grain).getTime()
      // At least one bucket, but never past `last`: the bucket in progress ends in the future.
      if (next <= at) next = Math.min(nextBucketStart(new Date(at), grain).getTime(), last)
    }
    windows.push({ start: new Date(at), end: new Date(next) })
    at = next
  }
  return windows
}
