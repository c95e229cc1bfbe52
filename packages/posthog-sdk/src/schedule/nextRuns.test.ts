import { describe, expect, it } from 'vitest'
import { nextRun, nextRuns } from './nextRuns'

const iso = (dates: Date[]) => dates.map((date) => date.toISOString())

describe('nextRuns', () => {
  it('runs daily at local time in the cadence time zone', () => {
    const runs = nextRuns(
      { kind: 'daily', at: '06:30', timeZone: 'America/New_York' },
      new Date('2026-01-10T12:00:00Z'),
      2,
    )
    expect(iso(runs)).toEqual(['2026-01-11T11:30:00.000Z', '2026-01-12T11:30:00.000Z'])
  })

  it('is strictly after `from`', () => {
    const from = new Date('2026-01-10T06:30:00Z')
    expect(nextRun({ kind: 'daily', at: '06:30', timeZone: 'UTC' }, from).toISOString()).toBe(
      '2026-01-11T06:30:00.000Z',
    )
  })

  it('keeps local time across DST and runs a time in the spring gap once, right after it', () => {
    const runs = nextRuns(
      { kind: 'daily', at: '02:30', timeZone: 'Europe/Berlin' },
      new Date('2026-03-27T12:00:00Z'),
      4,
    )
    // 28 Mar CET (+1), 29 Mar 02:30 does not exist -> first valid time after the gap (03:00 CEST), then CEST (+2)
    expect(iso(runs)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ])
  })

  it('runs a repeated autumn time once', () => {
    const runs = nextRuns(
      { kind: 'daily', at: '02:30', timeZone: 'Europe/Berlin' },
      new Date('2026-10-24T12:00:00Z'),
      2,
    )
    expect(iso(runs)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'])
  })

  it('runs weekly on the weekday in the zone (Kolkata is +05:30)', () => {
    const runs = nextRuns(
      { kind: 'weekly', weekday: 'monday', at: '09:00', timeZone: 'Asia/Kolkata' },
      new Date('2026-01-01T00:00:00Z'),
      2,
    )
    expect(iso(runs)).toEqual(['2026-01-05T03:30:00.000Z', '2026-01-12T03:30:00.000Z'])
  })

  it('clamps a monthly day to the end of shorter months', () => {
    const runs = nextRuns(
      { kind: 'monthly', day: 31, at: '09:00', timeZone: 'UTC' },
      new Date('2026-01-01T00:00:00Z'),
      5,
    )
    expect(iso(runs)).toEqual([
      '2026-01-31T09:00:00.000Z',
      '2026-02-28T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-04-30T09:00:00.000Z',
      '2026-05-31T09:00:00.000Z',
    ])
    const thirtieth = nextRuns(
      { kind: 'monthly', day: 30, at: '00:00', timeZone: 'UTC' },
      new Date('2028-01-01T00:00:00Z'),
      3,
    )
    expect(iso(thirtieth)).toEqual(['2028-01-30T00:00:00.000Z', '2028-02-29T00:00:00.000Z', '2028-03-30T00:00:00.000Z'])
  })

  it('clamps by the local month, not the UTC one', () => {
    // 23:00 on the last local day of February in Auckland (+13) is still February locally.
    const runs = nextRuns(
      { kind: 'monthly', day: 31, at: '23:00', timeZone: 'Pacific/Auckland' },
      new Date('2026-02-01T00:00:00Z'),
      1,
    )
    expect(iso(runs)).toEqual(['2026-02-28T10:00:00.000Z'])
  })

  it('runs every N minutes aligned to midnight UTC', () => {
    const runs = nextRuns(
      { kind: 'every_minutes', minutes: 15, timeZone: 'Asia/Kolkata' },
      new Date('2026-01-01T10:07:12Z'),
      3,
    )
    expect(iso(runs)).toEqual(['2026-01-01T10:15:00.000Z', '2026-01-01T10:30:00.000Z', '2026-01-01T10:45:00.000Z'])
    expect(nextRuns({ kind: 'every_minutes', minutes: 5, timeZone: 'UTC' }, new Date(), 0)).toEqual([])
  })
})
