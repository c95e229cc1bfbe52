import { describe, expect, it } from 'vitest'
import { AGGREGATION_GRAINS, type AggregationGrain } from '../config/aggregationGrain'
import { type BucketGrain, bucketCeil, bucketStart, nextBucketStart } from './bucketStart'

const HOUR = 3_600_000
const at = (iso: string) => new Date(iso)
const bucket = (iso: string, unit: AggregationGrain, timeZone: string) => {
  const grain: BucketGrain = { unit, timeZone }
  return [bucketStart(at(iso), grain).toISOString(), nextBucketStart(at(iso), grain).toISOString()]
}

describe('bucketStart and nextBucketStart', () => {
  it('day buckets in Europe/Berlin are 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    expect(bucket('2026-03-29T12:00:00Z', 'day', 'Europe/Berlin')).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ])
    expect(bucket('2026-10-25T12:00:00Z', 'day', 'Europe/Berlin')).toEqual([
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
    ])
    // 23:30 UTC is already the next Berlin day.
    expect(bucket('2026-01-14T23:30:00Z', 'day', 'Europe/Berlin')[0]).toBe('2026-01-14T23:00:00.000Z')
  })

  it('keeps the two 02:00 hours of a fall-back night apart and skips the lost hour of spring-forward', () => {
    expect(bucket('2026-10-25T00:30:00Z', 'hour', 'Europe/Berlin')).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ])
    expect(bucket('2026-10-25T01:30:00Z', 'hour', 'Europe/Berlin')).toEqual([
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ])
    // 01:59 CET is followed by 03:00 CEST, one instant later.
    expect(bucket('2026-03-29T00:59:00Z', 'hour', 'Europe/Berlin')[1]).toBe('2026-03-29T01:00:00.000Z')
  })

  it('starts hours at :30 UTC in a half-hour zone', () => {
    expect(bucket('2026-01-01T10:45:00Z', 'hour', 'Asia/Kolkata')).toEqual([
      '2026-01-01T10:30:00.000Z',
      '2026-01-01T11:30:00.000Z',
    ])
  })

  it('counts hours from the start of the local day as ClickHouse does when Australia/Lord_Howe moves by 30 minutes', () => {
    // ClickHouse's toStartOfHour, read with chdb (a year of 15-minute steps in ten zones agreed with bucketStart):
    // after the fall-back of 2025-04-06 (+11 -> +10:30 at 15:00 UTC) hours run from 03:30 local to local midnight,
    // and the day's last bucket is half an hour long.
    const lordHowe = (iso: string) => bucket(iso, 'hour', 'Australia/Lord_Howe')
    expect(lordHowe('2025-04-05T17:15:00Z')).toEqual(['2025-04-05T17:00:00.000Z', '2025-04-05T18:00:00.000Z'])
    expect(lordHowe('2025-04-06T13:10:00Z')).toEqual(['2025-04-06T13:00:00.000Z', '2025-04-06T13:30:00.000Z'])
    expect(lordHowe('2025-04-06T13:45:00Z')).toEqual(['2025-04-06T13:30:00.000Z', '2025-04-06T14:30:00.000Z'])
    // Spring-forward, 2025-10-05 (+10:30 -> +11 at 15:30 UTC): a 23.5-hour day ending in a half-hour bucket.
    expect(lordHowe('2025-10-04T16:45:00Z')).toEqual(['2025-10-04T16:30:00.000Z', '2025-10-04T17:30:00.000Z'])
    expect(lordHowe('2025-10-05T12:45:00Z')).toEqual(['2025-10-05T12:30:00.000Z', '2025-10-05T13:00:00.000Z'])
    expect(lordHowe('2025-10-05T13:05:00Z')).toEqual(['2025-10-05T13:00:00.000Z', '2025-10-05T14:00:00.000Z'])
  })

  it('starts weeks on Monday or Sunday midnight, across a DST change', () => {
    // Sunday 29 March 2026, the Berlin spring-forward day.
    expect(bucket('2026-03-29T12:00:00Z', 'week_monday', 'Europe/Berlin')).toEqual([
      '2026-03-22T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ])
    expect(bucket('2026-03-29T12:00:00Z', 'week_sunday', 'Europe/Berlin')).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-04-04T22:00:00.000Z',
    ])
    expect(bucket('2026-01-04T00:00:00Z', 'week_sunday', 'UTC')[0]).toBe('2026-01-04T00:00:00.000Z')
    expect(bucket('2026-01-04T00:00:00Z', 'week_monday', 'UTC')[0]).toBe('2025-12-29T00:00:00.000Z')
  })

  it('starts months on the first at local midnight, leap February included', () => {
    expect(bucket('2026-03-15T00:00:00Z', 'month', 'Europe/Berlin')).toEqual([
      '2026-02-28T23:00:00.000Z',
      '2026-03-31T22:00:00.000Z',
    ])
    expect(bucket('2028-02-29T23:59:59Z', 'month', 'UTC')).toEqual([
      '2028-02-01T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
    ])
    expect(bucket('2026-12-31T23:30:00Z', 'month', 'Europe/Berlin')).toEqual([
      '2026-12-31T23:00:00.000Z',
      '2027-01-31T23:00:00.000Z',
    ])
  })

  it('starts a day whose midnight a DST jump skips at the first instant after the jump', () => {
    // America/Santiago moves from -04 to -03 at midnight between 5 and 6 September 2026.
    expect(bucket('2026-09-06T12:00:00Z', 'day', 'America/Santiago')).toEqual([
      '2026-09-06T04:00:00.000Z',
      '2026-09-07T03:00:00.000Z',
    ])
  })

  it('holds its invariants for every grain over a year of instants in several zones', () => {
    for (const timeZone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']) {
      for (const unit of AGGREGATION_GRAINS) {
        const grain = { unit, timeZone }
        for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 59 * HOUR + 17_000) {
          const start = bucketStart(new Date(ms), grain)
          const next = nextBucketStart(new Date(ms), grain)
          expect(start.getTime()).toBeLessThanOrEqual(ms)
          expect(next.getTime()).toBeGreaterThan(ms)
          expect(bucketStart(start, grain)).toEqual(start)
          expect(bucketStart(next, grain)).toEqual(next)
          expect(bucketStart(new Date(next.getTime() - 1), grain)).toEqual(start)
        }
      }
    }
  })
})

describe('bucketCeil', () => {
  const day = { unit: 'day', timeZone: 'Europe/Berlin' } as const
  it('keeps a boundary and moves anything else up to the next one', () => {
    expect(bucketCeil(at('2026-01-14T23:00:00Z'), day).toISOString()).toBe('2026-01-14T23:00:00.000Z')
    expect(bucketCeil(at('2026-01-14T23:00:00.001Z'), day).toISOString()).toBe('2026-01-15T23:00:00.000Z')
  })
})
