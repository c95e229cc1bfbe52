import { describe, expect, it } from 'vitest'
import { suggestGrain } from './suggestGrain'

const bucketed = (expression: string) =>
  `SELECT org_id, ${expression} AS bucket, count() AS value FROM events WHERE timestamp >= {period_start} AND timestamp < {period_end} GROUP BY org_id, bucket`

describe('suggestGrain', () => {
  it.each([
    ['toStartOfHour(timestamp)', 'hour'],
    ['toStartOfDay(timestamp)', 'day'],
    ['toDate(timestamp)', 'day'],
    ['TOSTARTOFDAY(timestamp)', 'day'],
    ['toMonday(timestamp)', 'week_monday'],
    ['toStartOfISOWeek(timestamp)', 'week_monday'],
    ['toStartOfWeek(timestamp)', 'week_sunday'],
    ['toStartOfWeek(timestamp, 0)', 'week_sunday'],
    ['toStartOfWeek(timestamp, 1)', 'week_monday'],
    ["toStartOfWeek(toTimeZone(timestamp, 'UTC'), 3)", 'week_monday'],
    ["toStartOfWeek(timestamp, 2, 'Europe/Berlin')", 'week_sunday'],
    ['toStartOfMonth(timestamp)', 'month'],
    ["dateTrunc('day', timestamp)", 'day'],
    ["date_trunc('WEEK', timestamp)", 'week_monday'],
    ["dateTrunc('month', timestamp)", 'month'],
    ["dateTrunc( 'hour' , timestamp)", 'hour'],
    ['toStartOfInterval(timestamp, INTERVAL 1 DAY)', 'day'],
    ['toStartOfInterval(timestamp, interval 1 hour)', 'hour'],
    // ClickHouse starts a one-week interval on Monday (checked with chdb: same as toMonday).
    ["toStartOfInterval(timestamp, INTERVAL 1 WEEK, 'Europe/Berlin')", 'week_monday'],
    ['toStartOfInterval(timestamp, toIntervalMonth(1))', 'month'],
    ['toStartOfInterval(toDate(timestamp), toIntervalDay( 1 ))', 'day'],
  ])('reads %s as %s', (expression, grain) => {
    expect(suggestGrain(bucketed(expression))).toBe(grain)
  })

  it('suggests nothing for unbucketed rows or units it does not know', () => {
    expect(suggestGrain('SELECT org_id, count() FROM events GROUP BY org_id')).toBeUndefined()
    expect(suggestGrain(bucketed("dateTrunc('quarter', timestamp)"))).toBeUndefined()
    expect(suggestGrain(bucketed('toStartOfWeek(timestamp, {mode})'))).toBeUndefined()
    expect(suggestGrain(bucketed('toStartOfInterval(timestamp, INTERVAL 15 MINUTE)'))).toBeUndefined()
    expect(suggestGrain(bucketed('toStartOfInterval(timestamp, INTERVAL 2 DAY)'))).toBeUndefined()
    expect(suggestGrain(bucketed('toStartOfInterval(timestamp, toIntervalQuarter(1))'))).toBeUndefined()
    expect(suggestGrain(bucketed('toStartOfInterval(timestamp, {interval})'))).toBeUndefined()
    // Only units: an inherited property name is none.
    expect(suggestGrain(bucketed("dateTrunc('constructor', timestamp)"))).toBeUndefined()
    expect(suggestGrain(bucketed('toStartOfInterval(timestamp, INTERVAL 1 constructor)'))).toBeUndefined()
  })

  it('ignores functions named in comments', () => {
    expect(suggestGrain(`-- toStartOfHour(timestamp)\n${bucketed('toStartOfDay(timestamp)')}`)).toBe('day')
    expect(suggestGrain(`/* toStartOfMonth(x) */ SELECT org_id, count() FROM events GROUP BY org_id`)).toBeUndefined()
  })

  it('ignores function names and comment markers inside string literals and quoted identifiers', () => {
    expect(suggestGrain(`${bucketed('toStartOfDay(timestamp)')} HAVING max(event) != 'toStartOfHour(x)'`)).toBe('day')
    expect(suggestGrain('SELECT toStartOfDay(timestamp) AS "toStartOfHour(x)", count() FROM events')).toBe('day')
    // '/*' in a LIKE pattern is not a comment: the call after it is still read.
    const like = `SELECT org_id, count() FROM events WHERE properties.$pathname LIKE '/blog/*' GROUP BY org_id, toStartOfDay(timestamp)`
    expect(suggestGrain(like)).toBe('day')
    // '--' in a string is not a comment either: the hour bucket after it makes the grains mixed.
    expect(suggestGrain("SELECT toStartOfDay(timestamp), 'a--b', toStartOfHour(timestamp) FROM events")).toBeUndefined()
    expect(suggestGrain("SELECT toStartOfDay(timestamp) FROM events WHERE event = 'it''s toStartOfHour('")).toBe('day')
  })

  it('reads the outermost bucketing call, not the ones in its arguments', () => {
    expect(suggestGrain(bucketed('toStartOfWeek(toDate(timestamp))'))).toBe('week_sunday')
    expect(suggestGrain(bucketed('toStartOfMonth(toStartOfDay(timestamp))'))).toBe('month')
  })

  it('agrees with itself when a grain is used twice, and declines when two grains are mixed', () => {
    const twice = `${bucketed('toStartOfDay(timestamp)')} HAVING toStartOfDay(min(timestamp)) > toDate('2025-01-01')`
    expect(suggestGrain(twice)).toBe('day')
    const mixed = `SELECT toStartOfHour(timestamp) AS h, toStartOfMonth(timestamp) AS m, count() FROM events GROUP BY h, m`
    expect(suggestGrain(mixed)).toBeUndefined()
  })
})
