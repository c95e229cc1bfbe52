import { describe, expect, it } from 'vitest'
import { backfillWindows, runWindow, ScheduleError } from './timeWindow'

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

  it('refuses a watermark at or after the scheduled time', () => {
    expect(() =>
      runWindow(daily, { scheduledAt: new Date('2026-01-01T00:00:00Z'), watermark: new Date('2026-01-01T00:00:00Z') }),
    ).toThrow(ScheduleError)
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

  it('refuses empty ranges and spans', () => {
    expect(() => backfillWindows(new Date(1000), new Date(1000), DAY)).toThrow(/before its end/)
    expect(() => backfillWindows(new Date(0), new Date(1000), 0)).toThrow(/positive/)
  })
})
