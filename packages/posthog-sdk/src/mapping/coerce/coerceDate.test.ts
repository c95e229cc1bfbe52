import { describe, expect, it } from 'vitest'
import { parseColumnType, UNKNOWN_COLUMN_TYPE } from '../ColumnType'
import { RejectReason } from '../RejectReason'
import { coerceDate } from './coerceDate'
import { Rejection } from './Rejection'

describe('coerceDate', () => {
  it.each([
    ['2025-06-01', '2025-06-01'],
    ['2025-06-01T23:30:00+02:00', '2025-06-01'],
    ['2025-06-01T23:30:00Z', '2025-06-01'],
    ['2025-06-01 23:30:00', '2025-06-01'],
  ])('keeps the written date of %j', (input, expected) => {
    expect(coerceDate(input, parseColumnType('Date'))).toBe(expected)
  })

  it('keeps the written date whatever the column zone, even one the runtime does not know', () => {
    expect(coerceDate('2025-03-30 02:30:00', parseColumnType("DateTime('Europe/Berlin')"))).toBe('2025-03-30')
    expect(coerceDate('2025-06-01 12:00:00', parseColumnType("DateTime('Mars/Olympus_Mons')"))).toBe('2025-06-01')
    expect(coerceDate('0001-01-01', parseColumnType('Date32'))).toBe('0001-01-01')
  })

  it('gives the UTC date of a Date and of a unix time', () => {
    expect(coerceDate(new Date('2025-06-01T23:30:00-05:00'), UNKNOWN_COLUMN_TYPE)).toBe('2025-06-02')
    expect(coerceDate(Date.parse('2025-06-01T10:00:00Z') / 1000, UNKNOWN_COLUMN_TYPE)).toBe('2025-06-01')
  })

  it.each(['2025-02-29', '01/06/2025', 'soon', true])('rejects %j with bad_date', (input) => {
    const result = coerceDate(input, UNKNOWN_COLUMN_TYPE)
    expect(result).toBeInstanceOf(Rejection)
    expect((result as Rejection).reason).toBe(RejectReason.BadDate)
  })
})
