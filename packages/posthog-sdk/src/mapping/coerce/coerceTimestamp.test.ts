import { describe, expect, it } from 'vitest'
import { parseColumnType, UNKNOWN_COLUMN_TYPE } from '../ColumnType'
import { RejectReason } from '../RejectReason'
import { coerceTimestamp } from './coerceTimestamp'
import { Rejection } from './Rejection'

const utc = parseColumnType("DateTime64(6, 'UTC')")
const berlin = parseColumnType("DateTime64(6, 'Europe/Berlin')")

describe('coerceTimestamp', () => {
  it.each([
    '2025-06-01T00:00:01.123456Z',
    '2025-06-01T00:00:02Z',
    '2025-06-01T00:00:02.5Z',
    '2025-01-28T23:59:59.999999Z',
    // Days 29-31 too: a timestamp's precision must not depend on its day of the month.
    '2024-02-29T23:59:59.999999Z',
    '2025-01-31T00:00:00.123456Z',
    '2025-04-30T12:00:00.1Z',
  ])("keeps PostHog's own UTC form %s as written (microseconds included)", (input) => {
    expect(coerceTimestamp(input, utc)).toBe(input)
  })

  it.each([
    ['2025-06-01t00:00:02z', '2025-06-01T00:00:02.000Z'],
    ['2025-06-01T14:00:00+02:00', '2025-06-01T12:00:00.000Z'],
    ['2025-06-01T14:00:00+0200', '2025-06-01T12:00:00.000Z'],
    ['2025-06-01T07:30:00-04:30', '2025-06-01T12:00:00.000Z'],
    ['2025-06-01 12:00:00', '2025-06-01T12:00:00.000Z'],
    ['2025-06-01', '2025-06-01T00:00:00.000Z'],
    ['  2025-06-01T12:00:00Z  ', '2025-06-01T12:00:00.000Z'],
  ])('reads the date-time %j as %s', (input, expected) => {
    expect(coerceTimestamp(input, utc)).toBe(expected)
  })

  it('reads an offset-less date-time in the column time zone (summer and winter offsets)', () => {
    expect(coerceTimestamp('2025-06-01 14:00:00', berlin)).toBe('2025-06-01T12:00:00.000Z')
    expect(coerceTimestamp('2025-01-15 14:00:00', berlin)).toBe('2025-01-15T13:00:00.000Z')
    // An explicit offset wins over the column's zone.
    expect(coerceTimestamp('2025-06-01T14:00:00Z', berlin)).toBe('2025-06-01T14:00:00Z')
  })

  it('resolves DST changes like Temporal compatible: a repeated hour gives the earlier instant, a skipped one moves forward', () => {
    expect(coerceTimestamp('2025-10-26 02:30:00', berlin)).toBe('2025-10-26T00:30:00.000Z')
    expect(coerceTimestamp('2025-03-30 02:30:00', berlin)).toBe('2025-03-30T01:30:00.000Z')
    const newYork = parseColumnType("DateTime('America/New_York')")
    expect(coerceTimestamp('2025-11-02 01:30:00', newYork)).toBe('2025-11-02T05:30:00.000Z')
    expect(coerceTimestamp('2025-03-09 02:30:00', newYork)).toBe('2025-03-09T07:30:00.000Z')
  })

  it('reads years before 1970 and before 100 as written (Date.UTC would move years 0-99 to the 1900s)', () => {
    expect(coerceTimestamp('1969-07-20 20:17:40', berlin)).toBe('1969-07-20T19:17:40.000Z')
    expect(coerceTimestamp('1900-01-01', utc)).toBe('1900-01-01T00:00:00.000Z')
    expect(coerceTimestamp('0001-01-01', utc)).toBe('0001-01-01T00:00:00.000Z')
    expect(coerceTimestamp('0099-12-31 23:59:59.5', utc)).toBe('0099-12-31T23:59:59.500Z')
    // Year 0 is a leap year in the proleptic Gregorian calendar; 1900 is not.
    expect(coerceTimestamp('0000-02-29', utc)).toBe('0000-02-29T00:00:00.000Z')
    // Berlin's local mean time (+00:53:28) before it took Central European Time in 1893.
    expect(coerceTimestamp('0001-06-01 12:00:00', berlin)).toBe('0001-06-01T11:06:32.000Z')
    expect(coerceTimestamp('1850-06-01 12:00:00', berlin)).toBe('1850-06-01T11:06:32.000Z')
  })

  it('keeps DateTime64(3) text to the millisecond and drops finer digits', () => {
    const dt64 = parseColumnType('DateTime64(3)')
    expect(coerceTimestamp('2025-06-01 12:00:00.123', dt64)).toBe('2025-06-01T12:00:00.123Z')
    expect(coerceTimestamp('2025-06-01 12:00:00.123999', dt64)).toBe('2025-06-01T12:00:00.123Z')
  })

  it('rejects offset-less text in a column whose time zone the runtime does not know, instead of throwing', () => {
    const mars = parseColumnType("DateTime('Mars/Olympus_Mons')")
    const result = coerceTimestamp('2025-06-01 12:00:00', mars)
    expect(result).toBeInstanceOf(Rejection)
    expect((result as Rejection).reason).toBe(RejectReason.BadTimestamp)
    expect((result as Rejection).message).toContain('"Mars/Olympus_Mons"')
    // Values that carry their own offset do not need the zone.
    expect(coerceTimestamp('2025-06-01T12:00:00+02:00', mars)).toBe('2025-06-01T10:00:00.000Z')
  })

  it('reads unix time in seconds, milliseconds, microseconds and nanoseconds by magnitude', () => {
    const iso = '2025-06-01T00:00:00.000Z'
    const s = Date.parse(iso) / 1000
    expect(coerceTimestamp(s, UNKNOWN_COLUMN_TYPE)).toBe(iso)
    expect(coerceTimestamp(s * 1000, UNKNOWN_COLUMN_TYPE)).toBe(iso)
    expect(coerceTimestamp(s * 1e6, UNKNOWN_COLUMN_TYPE)).toBe(iso)
    expect(coerceTimestamp(BigInt(s) * 1_000_000_000n, UNKNOWN_COLUMN_TYPE)).toBe(iso)
    expect(coerceTimestamp(String(s), UNKNOWN_COLUMN_TYPE)).toBe(iso)
    expect(coerceTimestamp(`${s}.5`, UNKNOWN_COLUMN_TYPE)).toBe('2025-06-01T00:00:00.500Z')
  })

  it('accepts Date objects and refuses invalid ones', () => {
    expect(coerceTimestamp(new Date('2025-06-01T00:00:00Z'), utc)).toBe('2025-06-01T00:00:00.000Z')
    expect(coerceTimestamp(new Date(Number.NaN), utc)).toBeInstanceOf(Rejection)
  })

  it.each([
    ['2025-02-30T00:00:00Z', 'not a calendar date'],
    ['2025-13-01T00:00:00Z', 'not a calendar date'],
    ['2025-06-01T24:00:00Z', 'out of range'],
    ['2025-06-01T12:60:00Z', 'out of range'],
    ['yesterday', 'not an ISO 8601'],
    ['', 'expected'],
    [null, 'expected'],
    [true, 'expected'],
    [42, 'before the year 2000'],
    ['1e3', 'before the year 2000'],
    [-0, 'before the year 2000'],
    [Number.NaN, 'finite'],
    [1e300, 'out of the date range'],
    [Number.POSITIVE_INFINITY, 'finite'],
  ])('rejects %j with bad_timestamp (%s)', (input, why) => {
    const result = coerceTimestamp(input, utc)
    expect(result).toBeInstanceOf(Rejection)
    expect((result as Rejection).reason).toBe(RejectReason.BadTimestamp)
    expect((result as Rejection).message).toContain(why)
  })
})
