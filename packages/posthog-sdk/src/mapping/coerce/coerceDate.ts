import { type ColumnType, UNKNOWN_COLUMN_TYPE } from '../ColumnType'
import { RejectReason } from '../RejectReason'
import { coerceTimestamp } from './coerceTimestamp'
import { describeValue, Rejection } from './Rejection'

const CALENDAR_PREFIX = /^\s*(\d{4})-(\d{2})-(\d{2})/

/**
 * Coerces a value to a calendar date `YYYY-MM-DD`. A date or date-time string keeps the date it is written with,
 * whatever its offset (PostHog writes date-times in the project's time zone, so that is the day users see in PostHog);
 * a `Date` or a unix time gives its UTC date.
 * @returns the date, or a {@link Rejection} with reason `bad_date`.
 */
export function coerceDate(value: unknown, column: ColumnType): string | Rejection {
  const written = typeof value === 'string' ? CALENDAR_PREFIX.exec(value) : null
  // The whole value is validated (time part and offset included) before its date is kept or derived. A written date
  // is kept whatever the zone, so its text is validated without the column's zone (which the runtime may not know).
  const instant = coerceTimestamp(value, written ? UNKNOWN_COLUMN_TYPE : column)
  if (typeof instant === 'string') return written ? `${written[1]}-${written[2]}-${written[3]}` : instant.slice(0, 10)
  return new Rejection(RejectReason.BadDate, `${describeValue(value)} is not a date (use YYYY-MM-DD).`)
}
