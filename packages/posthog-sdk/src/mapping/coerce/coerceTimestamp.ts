import type { ColumnType } from '../ColumnType'
import { RejectReason } from '../RejectReason'
import { describeValue, Rejection } from './Rejection'
import { isKnownTimeZone, zonedWallTimeToUtc } from './zonedTime'

/**
 * Unix times below this (2000-01-01T00:00:00Z in seconds) are refused: a small number in a timestamp column is
 * almost always a count mapped to the wrong role, not a date in the 1970s.
 */
export const MIN_UNIX_SECONDS = 946_684_800

// PostHog's own DateTime serialisation: ISO 8601 in UTC with `Z`, microseconds when non-zero.
const POSTHOG_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
// 146,097 days: one full cycle of the Gregorian calendar.
const MS_PER_400_YEARS = 146_097 * 86_400_000

/**
 * Coerces a value to a UTC instant as an ISO 8601 string ending in `Z`. PostHog's own UTC form
 * (`2025-06-01T12:00:00.123456Z`, microseconds when non-zero) is kept as written, with its precision: it is
 * validated without being rebuilt, which matters at millions of rows. Every other input is written as
 * `Date.prototype.toISOString()` does (`2025-06-01T12:00:00.000Z`). A query's column always yields one form, so the
 * same row gives the same text on every run (natural keys stay stable).
 * Accepts: `Date`; ISO 8601 / ClickHouse date-times with `Z` or an offset (`+02:00`, `+0200`); without an offset they
 * are read in the column's time zone (`DateTime64(6, 'Europe/Berlin')`) or UTC; `YYYY-MM-DD` (midnight UTC, or
 * midnight in the column's zone); unix time as a number, bigint or numeric string, in seconds, milliseconds,
 * microseconds or nanoseconds by magnitude. Sub-millisecond digits are dropped.
 * @returns the ISO string, or a {@link Rejection} with reason `bad_timestamp`.
 */
export function coerceTimestamp(value: unknown, column: ColumnType): string | Rejection {
  if (typeof value === 'string') {
    // Fast path for PostHog's own serialisation (UTC with `Z`): digit checks instead of a Date round trip.
    if (POSTHOG_UTC.test(value) && fieldsInRange(value)) return value
    return parseTimestampText(value, column)
  }
  if (typeof value === 'number') return fromUnix(value, value)
  if (typeof value === 'bigint') return fromUnix(Number(value), value)
  if (value instanceof Date) {
    const ms = value.getTime()
    return Number.isNaN(ms) ? bad(value, 'it is an invalid Date') : value.toISOString()
  }
  return bad(value, 'a date-time or unix time was expected')
}

/**
 * Month 01-12, a day of that month (01-28 without a calendar), hour 00-23, minute and second 00-59, on a string
 * already matching {@link POSTHOG_UTC}.
 */
function fieldsInRange(t: string): boolean {
  const month = (t.charCodeAt(5) - 48) * 10 + t.charCodeAt(6) - 48
  const day = (t.charCodeAt(8) - 48) * 10 + t.charCodeAt(9) - 48
  const hour = (t.charCodeAt(11) - 48) * 10 + t.charCodeAt(12) - 48
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    (day <= 28 || day <= daysInMonth(Number(t.slice(0, 4)), month)) &&
    hour <= 23 &&
    t.charCodeAt(14) < 54 &&
    t.charCodeAt(17) < 54
  )
}

/** Days in `month` (1-12) of the proleptic Gregorian `year` (arithmetic: `Date.UTC` reads years 0-99 as 1900-1999). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function parseTimestampText(raw: string, column: ColumnType): string | Rejection {
  const text = raw.trim()
  if (text === '') return bad(raw, 'a date-time or unix time was expected')
  if (NUMERIC.test(text)) return fromUnix(Number(text), raw)
  const m = DATE_TIME.exec(text)
  if (!m) return bad(raw, 'it is not an ISO 8601 date-time (e.g. 2025-06-01T12:00:00Z) or a unix time')
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zulu, sign, oh, om = '0'] = m
  // Date.UTC reads years 0-99 as 1900-1999. The Gregorian calendar repeats every 400 years, so such a year is read
  // 400 years later and shifted back (the written year is kept, not moved to another century).
  const cycles = Number(y) < 100 ? 1 : 0
  const year = Number(y) + 400 * cycles
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return bad(raw, `${y}-${mo}-${d} is not a calendar date`)
  }
  if (hour > 23 || minute > 59 || second > 59) return bad(raw, 'the time of day is out of range')
  if (Number(oh ?? 0) > 23 || Number(om) > 59) return bad(raw, 'the UTC offset is out of range')
  const wall =
    Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3))) -
    cycles * MS_PER_400_YEARS
  let ms: number
  if (zulu) ms = wall
  else if (sign) ms = wall - (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000
  else if (column.timeZone && column.timeZone !== 'UTC') {
    if (!isKnownTimeZone(column.timeZone)) {
      return bad(
        raw,
        `it has no UTC offset and the column's time zone "${column.timeZone}" is unknown to this runtime; select the column with toTimeZone(column, 'UTC') in HogQL`,
      )
    }
    ms = zonedWallTimeToUtc(wall, column.timeZone)
  } else ms = wall
  return new Date(ms).toISOString()
}

function fromUnix(n: number, raw: unknown): string | Rejection {
  if (!Number.isFinite(n)) return bad(raw, 'it is not a finite number')
  const abs = Math.abs(n)
  // Unit by magnitude: 1e11 s is the year 5138, 1e11 ms is 1973; the same reasoning one step up for µs and ns.
  const ms = abs < 1e11 ? n * 1000 : abs < 1e14 ? n : abs < 1e17 ? n / 1000 : n / 1e6
  if (ms < MIN_UNIX_SECONDS * 1000) {
    return bad(raw, 'as a unix time it is before the year 2000; is a count mapped as the timestamp?')
  }
  const date = new Date(Math.floor(ms))
  return Number.isNaN(date.getTime()) ? bad(raw, 'it is out of the date range') : date.toISOString()
}

function bad(value: unknown, why: string): Rejection {
  return new Rejection(RejectReason.BadTimestamp, `${describeValue(value)} is not a timestamp: ${why}.`)
}
