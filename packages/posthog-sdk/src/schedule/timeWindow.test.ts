import { describe, expect, it } from 'vitest'
import { bucketStart } from './bucketStart'
import { ScheduleError } from './ScheduleError'
import { backfillWindows, runWindow } from './timeWindow'

const daily = { kind: 'daily', at: '06:00', timeZone: 'UTC' } as const
const DAY = 86_400_000

describe('runWindow', () => {
  it('reads from the watermark to the scheduled time', () => {
    const window = runWindow(daily, {
      scheduledAt: new Date('2026-01-02T06:00:00Z'),
      watermark: new Date('2026-01-01T06:00:00Z'),
    })
    expect(window).toEqual({ start: new Date('2026-01-01T06:00:00Z'), end: new Date('2026-01-02T06:00:00Z') })
  })

  it('reaches back one period on a first run', () => {
    expect(runWindow(daily, { scheduledAt: new Date('2026-01-02T06:00:00Z') }).start).toEqual(
      new Date('2026-01-01T06:00:00Z'),
    )
    const every15 = { kind: 'every_minutes', minutes: 15, timeZone: 'UTC' } as const
    expect(runWindow(every15, { scheduledAt: new Date('2026-01-02T06:00:00Z') }).start).toEqual(
      new Date('2026-01-02T05:00:00Z'),
    )
  })

  it('catches up from an old watermark in bounded spans without skipping data', () => {
    const window = runWindow(daily, {
      scheduledAt: new Date('2026-03-01T00:00:00Z'),
      watermark: new Date('2026-01-01T00:00:00Z'),
      maxSpanMs: 7 * DAY,
    })
    expect(window).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-01-08T00:00:00Z') })
  })

  it('refuses a first-run lookback that is not positive, naming it rather than a watermark', () => {
    const scheduledAt = new Date('2026-01-02T06:00:00Z')
    for (const initialLookbackMs of [0, -1, Number.NaN]) {
      expect(() => runWindow(daily, { scheduledAt, initialLookbackMs })).toThrow(/initialLookbackMs must be positive/)
      expect(() => runWindow(daily, { scheduledAt, initialLookbackMs, grain: 'day', timeZone: 'UTC' })).toThrow(
        ScheduleError,
      )
    }
  })

  it('refuses a watermark at or after the scheduled time', () => {
    expect(() =>
      runWindow(daily, { scheduledAt: new Date('2026-01-01T00:00:00Z'), watermark: new Date('2026-01-01T00:00:00Z') }),
    ).toThrow(ScheduleError)
  })
})

describe('runWindow with a grain', () => {
  const berlinDay = { grain: 'day', timeZone: 'Europe/Berlin' } as const
  const iso = (window: { start: Date; end: Date }) => [window.start.toISOString(), window.end.toISOString()]

  it('starts at the start of the bucket holding the watermark and ends at the scheduled time', () => {
    const window = runWindow(daily, {
      scheduledAt: new Date('2026-01-15T05:00:00Z'),
      watermark: new Date('2026-01-14T15:37:00Z'),
      ...berlinDay,
    })
    // Midnight 14 January in Berlin is 23:00 UTC the day before.
    expect(iso(window)).toEqual(['2026-01-13T23:00:00.000Z', '2026-01-15T05:00:00.000Z'])
  })

  it('snaps a first run and keeps a watermark already on a boundary', () => {
    const first = runWindow(daily, { scheduledAt: new Date('2026-01-15T05:00:00Z'), ...berlinDay })
    expect(first.start.toISOString()).toBe('2026-01-13T23:00:00.000Z')
    const onBoundary = runWindow(daily, {
      scheduledAt: new Date('2026-01-15T05:00:00Z'),
      watermark: new Date('2026-01-14T23:00:00Z'),
      ...berlinDay,
    })
    expect(onBoundary.start.toISOString()).toBe('2026-01-14T23:00:00.000Z')
  })

  it('reaches back lateArrivalMs before the watermark, snapped with a grain and plain without', () => {
    const options = {
      scheduledAt: new Date('2026-01-15T05:00:00Z'),
      watermark: new Date('2026-01-14T23:30:00Z'),
      lateArrivalMs: 2 * 3_600_000,
    }
    expect(runWindow(daily, { ...options, ...berlinDay }).start.toISOString()).toBe('2026-01-13T23:00:00.000Z')
    expect(runWindow(daily, options).start.toISOString()).toBe('2026-01-14T21:30:00.000Z')
    expect(() => runWindow(daily, { ...options, lateArrivalMs: -1 })).toThrow(/lateArrivalMs/)
  })

  it('caps a catch-up at the last bucket boundary within maxSpanMs, and the next run continues there', () => {
    const scheduledAt = new Date('2026-03-01T00:00:00Z')
    const first = runWindow(daily, {
      scheduledAt,
      watermark: new Date('2026-01-01T10:00:00Z'),
      maxSpanMs: 7 * DAY,
      ...berlinDay,
    })
    expect(iso(first)).toEqual(['2025-12-31T23:00:00.000Z', '2026-01-07T23:00:00.000Z'])
    const second = runWindow(daily, { scheduledAt, watermark: first.end, maxSpanMs: 7 * DAY, ...berlinDay })
    expect(iso(second)).toEqual(['2026-01-07T23:00:00.000Z', '2026-01-14T23:00:00.000Z'])
  })

  it('moves at least one bucket past the watermark when a bucket is longer than maxSpanMs', () => {
    const window = runWindow(daily, {
      scheduledAt: new Date('2026-06-01T00:00:00Z'),
      watermark: new Date('2026-01-10T00:00:00Z'),
      maxSpanMs: 7 * DAY,
      grain: 'month',
      timeZone: 'Europe/Berlin',
    })
    expect(iso(window)).toEqual(['2025-12-31T23:00:00.000Z', '2026-01-31T23:00:00.000Z'])
  })

  it('leaves no gap between consecutive runs, each starting on a bucket boundary', () => {
    const grain = { unit: 'hour', timeZone: 'Europe/Berlin' } as const
    let watermark: Date | undefined
    // Every 50 minutes across the fall-back night, with an hour grain.
    for (let at = Date.UTC(2026, 9, 24, 22, 7); at < Date.UTC(2026, 9, 25, 6); at += 50 * 60_000) {
      const window = runWindow(daily, { scheduledAt: new Date(at), watermark, grain: 'hour', timeZone: grain.timeZone })
      expect(bucketStart(window.start, grain)).toEqual(window.start)
      if (watermark) expect(window.start.getTime()).toBeLessThanOrEqual(watermark.getTime())
      expect(window.end.getTime()).toBe(at)
      watermark = window.end
    }
  })

  it('refuses a grain without the project time zone, or with a zone that is not IANA', () => {
    const scheduledAt = new Date('2026-01-15T05:00:00Z')
    expect(() => runWindow(daily, { scheduledAt, grain: 'day' })).toThrow(
      /"day" grain needs the PostHog project's time zone \(pass timeZone/,
    )
    expect(() => runWindow(daily, { scheduledAt, grain: 'day', timeZone: '+02:00' })).toThrow(/not an IANA time zone/)
    expect(() => runWindow(daily, { scheduledAt, grain: 'day' })).toThrow(
      expect.objectContaining({ code: 'invalid_grain' }),
    )
  })
})

describe('backfillWindows', () => {
  it('covers the range with consecutive windows', () => {
    const windows = backfillWindows(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-10T00:00:00Z'), 4 * DAY)
    expect(windows.map((w) => [w.start.toISOString().slice(0, 10), w.end.toISOString().slice(0, 10)])).toEqual([
      ['2026-01-01', '2026-01-05'],
      ['2026-01-05', '2026-01-09'],
      ['2026-01-09', '2026-01-10'],
    ])
  })

  it('with a grain, widens the range to whole buckets and cuts it only on bucket boundaries', () => {
    const windows = backfillWindows(new Date('2026-03-27T10:00:00Z'), new Date('2026-04-02T05:00:00Z'), 2 * DAY, {
      grain: 'day',
      timeZone: 'Europe/Berlin',
      now: new Date('2026-05-01T00:00:00Z'),
    })
    // Berlin midnights: 23:00Z until the 29 March spring-forward, 22:00Z after it.
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ['2026-03-26T23:00:00.000Z', '2026-03-28T23:00:00.000Z'],
      ['2026-03-28T23:00:00.000Z', '2026-03-30T22:00:00.000Z'],
      ['2026-03-30T22:00:00.000Z', '2026-04-01T22:00:00.000Z'],
      ['2026-04-01T22:00:00.000Z', '2026-04-02T22:00:00.000Z'],
    ])
  })

  it('with a grain, never snaps the end past now: the bucket in progress is read so far', () => {
    const berlinDay = { grain: 'day', timeZone: 'Europe/Berlin' } as const
    const range = [new Date('2026-01-10T05:00:00Z'), new Date('2026-01-14T10:00:00Z')] as const
    const ends = (now: string) =>
      backfillWindows(...range, 2 * DAY, { ...berlinDay, now: new Date(now) }).map((w) => w.end.toISOString())
    // Midnight 15 January in Berlin (23:00Z) is still ahead at noon: the last window reads 14 January so far.
    expect(ends('2026-01-14T12:00:00Z')).toEqual([
      '2026-01-11T23:00:00.000Z',
      '2026-01-13T23:00:00.000Z',
      '2026-01-14T12:00:00.000Z',
    ])
    // A range asked to end after now keeps its end; once the day is over, the end is its midnight.
    expect(ends('2026-01-14T08:00:00Z').at(-1)).toBe('2026-01-14T10:00:00.000Z')
    expect(ends('2026-01-20T00:00:00Z').at(-1)).toBe('2026-01-14T23:00:00.000Z')
  })

  it('with a grain longer than the span, gives one bucket per window', () => {
    const windows = backfillWindows(new Date('2026-01-15T00:00:00Z'), new Date('2026-03-01T00:00:00Z'), 7 * DAY, {
      grain: 'month',
      timeZone: 'UTC',
      now: new Date('2026-05-01T00:00:00Z'),
    })
    expect(windows.map((w) => [w.start.toISOString().slice(0, 10), w.end.toISOString().slice(0, 10)])).toEqual([
      ['2026-01-01', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
    ])
    expect(() => backfillWindows(new Date(0), new Date(1000), DAY, { grain: 'week_monday' })).toThrow(/time zone/)
  })

  it('with a grain longer than the span, never ends the last window past now either', () => {
    const now = new Date('2026-03-10T12:00:00Z')
    const windows = backfillWindows(new Date('2026-01-15T00:00:00Z'), now, 7 * DAY, {
      grain: 'month',
      timeZone: 'UTC',
      now,
    })
    // March is in progress: its window reads it so far, so the watermark it leaves is not in the future.
    expect(windows.map((w) => [w.start.toISOString().slice(0, 10), w.end.toISOString()])).toEqual([
      ['2026-01-01', '2026-02-01T00:00:00.000Z'],
      ['2026-02-01', '2026-03-01T00:00:00.000Z'],
      ['2026-03-01', '2026-03-10T12:00:00.000Z'],
    ])
  })

  it('refuses empty ranges and spans', () => {
    expect(() => backfillWindows(new Date(1000), new Date(1000), DAY)).toThrow(/before its end/)
    expect(() => backfillWindows(new Date(0), new Date(1000), 0)).toThrow(/positive/)
  })
})
