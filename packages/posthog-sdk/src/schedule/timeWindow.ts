import type { Cadence } from '../config/cadence'
import { StatisfyError } from '../errors/StatisfyError'
import { runsPerHour } from './requestBudget'

/** A half-open time range `[start, end)` filled into a query's `{period_start}` and `{period_end}`. */
export interface TimeWindow {
  start: Date
  end: Date
}

/** Stable codes of schedule errors. */
export const ScheduleErrorCode = {
  InvalidWindow: 'invalid_window',
} as const
export type ScheduleErrorCode = (typeof ScheduleErrorCode)[keyof typeof ScheduleErrorCode]

/** A time window or backfill range that cannot be run. */
export class ScheduleError extends StatisfyError<ScheduleErrorCode> {
  override readonly name = 'ScheduleError'
}

const HOUR_MS = 3_600_000

/** Options of {@link runWindow}. */
export interface RunWindowOptions {
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
   * Longest window one run covers, so that a worker that was down for a month catches up in bounded runs.
   * @default 31 days
   */
  maxSpanMs?: number
}

/**
 * The window an incremental run reads: from the watermark (or one period back on a first run) to the scheduled time.
 * A watermark older than `maxSpanMs` is caught up from its start, `maxSpanMs` at a time: the window starts at the
 * watermark so no data is skipped, and the next run continues where this one ends.
 */
export function runWindow(cadence: Cadence, options: RunWindowOptions): TimeWindow {
  const end = options.scheduledAt
  const maxSpanMs = options.maxSpanMs ?? 31 * 24 * HOUR_MS
  const period = Math.max(HOUR_MS, HOUR_MS / runsPerHour(cadence))
  const start = options.watermark ?? new Date(end.getTime() - (options.initialLookbackMs ?? period))
  if (start.getTime() >= end.getTime()) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidWindow,
      `Nothing to read: the watermark ${start.toISOString()} is not before the scheduled time ${end.toISOString()}.`,
    )
  }
  const cappedEnd = Math.min(end.getTime(), start.getTime() + maxSpanMs)
  return { start, end: new Date(cappedEnd) }
}

/**
 * Splits `[start, end)` into consecutive windows of at most `spanMs`, for a backfill. The last window may be shorter.
 * @example backfillWindows(new Date('2025-01-01'), new Date('2025-04-01'), 7 * 86_400_000)
 */
export function backfillWindows(start: Date, end: Date, spanMs: number): TimeWindow[] {
  if (!(spanMs > 0))
    throw new ScheduleError(ScheduleErrorCode.InvalidWindow, 'A backfill window span must be positive.')
  if (!(start.getTime() < end.getTime())) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidWindow,
      `A backfill needs its start (${start.toISOString()}) before its end (${end.toISOString()}).`,
    )
  }
  const windows: TimeWindow[] = []
  for (let at = start.getTime(); at < end.getTime(); at += spanMs) {
    windows.push({ start: new Date(at), end: new Date(Math.min(at + spanMs, end.getTime())) })
  }
  return windows
}
