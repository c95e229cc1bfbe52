import { describe, expect, it } from 'vitest'
import { bucketStart } from '../../schedule/bucketStart'
import { isPostHogClientError, type PostHogClientError } from '../errors/PostHogClientError'
import { fakeQueryResult } from './fakeQueryResult'
import type { QueryPage } from './PagingTypes'
import { type RunQuery, readPages } from './readPages'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const BERLIN_DAY = { unit: 'day', timeZone: 'Europe/Berlin' } as const
const daily =
  'select org, toStartOfDay(timestamp) as day, count() as n from events where timestamp >= {period_start} and timestamp < {period_end} group by org, day order by day, org'

interface Event {
  at: number
  org: string
}

// A stand-in for PostHog running `daily` over `events`: one row per (org, Berlin day) in the window, cut at the
// query's LIMIT. In June Berlin is UTC+2 all month, so its days are computed here with plain arithmetic.
function dailyCounts(events: Event[]) {
  const windows: Array<{ start: number; end: number }> = []
  const run: RunQuery = async (query, options) => {
    const limit = Number(/LIMIT (\d+)\s*$/.exec(query)?.[1])
    const start = Date.parse(String(options.values?.period_start))
    const end = Date.parse(String(options.values?.period_end))
    windows.push({ start, end })
    const groups = new Map<string, number>()
    for (const { at, org } of events) {
      if (at < start || at >= end) continue
      const day = Math.floor((at + 2 * HOUR) / DAY) * DAY - 2 * HOUR
      const key = `${org}|${day}`
      groups.set(key, (groups.get(key) ?? 0) + 1)
    }
    const rows = [...groups]
      .map(([key, n]) => [key.split('|')[0], Number(key.split('|')[1]), n] as [string, number, number])
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    const result = fakeQueryResult(query, {
      columns: ['org', 'day', 'n'],
      types: ['String', "DateTime('Europe/Berlin')", 'UInt64'],
      results: rows.slice(0, limit),
      timezone: 'Europe/Berlin',
    })
    return { result }
  }
  return { run, windows }
}

// What a sink that upserts by natural key (org, day) ends up holding after the pages are written in order.
async function upserted(pages: AsyncIterable<QueryPage>): Promise<Map<string, number>> {
  const sink = new Map<string, number>()
  for await (const page of pages)
    for (const [org, day, n] of page.results as [string, number, number][]) sink.set(`${org}|${day}`, n)
  return sink
}

const june = Date.UTC(2025, 5, 1)
// 4,000 events over 30 days for 8 orgs, at uneven times of day.
const events: Event[] = Array.from({ length: 4000 }, (_, i) => ({
  at: june + ((i * 7_919 * 61_000) % (30 * DAY)),
  org: `org-${i % 8}`,
}))
const window = { start: new Date(june + 3 * DAY + 9 * HOUR + 17 * 60_000), end: new Date(june + 21 * DAY + 15 * HOUR) }

describe('readPages with a grain', () => {
  it('gives the same per-day totals whether the window is split or read at once', async () => {
    const split = dailyCounts(events)
    const splitSink = await upserted(readPages(split.run, daily, { window, grain: BERLIN_DAY, pageSize: 30 }))
    const whole = dailyCounts(events)
    const wholeSink = await upserted(readPages(whole.run, daily, { window, grain: BERLIN_DAY, pageSize: 10_000 }))
    expect(whole.windows).toHaveLength(1)
    expect(split.windows.length).toBeGreaterThan(5)
    expect(splitSink).toEqual(wholeSink)
    // Each day's total is all of that day's events: the first day is read from its Berlin midnight.
    const firstDay = Date.UTC(2025, 5, 3, 22)
    const expected = events.filter((e) => e.org === 'org-0' && e.at >= firstDay && e.at < firstDay + DAY).length
    expect(splitSink.get(`org-0|${firstDay}`)).toBe(expected)
  })

  it.each([
    ['split', { pageSize: 30 }],
    ['grown after sparse pages', { pageSize: 40, initialWindowMs: DAY }],
    ['grown from a first span shorter than a bucket', { pageSize: 40, initialWindowMs: HOUR }],
  ])('cuts windows only on Berlin midnights, the end excepted (%s)', async (_case, options) => {
    const source = dailyCounts(events)
    await upserted(readPages(source.run, daily, { window, grain: BERLIN_DAY, ...options }))
    expect(source.windows[0]?.start).toBe(Date.UTC(2025, 5, 3, 22))
    expect(source.windows.at(-1)?.end).toBe(window.end.getTime())
    for (const { start, end } of source.windows) {
      expect(bucketStart(new Date(start), BERLIN_DAY).getTime()).toBe(start)
      if (end !== window.end.getTime()) expect(bucketStart(new Date(end), BERLIN_DAY).getTime()).toBe(end)
    }
    expect(new Set(source.windows.map((w) => w.end - w.start)).size).toBeGreaterThan(1)
  })

  it('fails with window_too_dense naming the bucket when one bucket alone is full', async () => {
    const source = dailyCounts(events)
    const error = await upserted(readPages(source.run, daily, { window, grain: BERLIN_DAY, pageSize: 5 })).catch(
      (e: unknown) => e as PostHogClientError,
    )
    expect(isPostHogClientError(error, 'truncated_result')).toBe(true)
    expect((error as PostHogClientError).truncationReason).toBe('window_too_dense')
    expect((error as Error).message).toMatch(
      /^The day bucket starting 2025-06-03T22:00:00.000Z \(Europe\/Berlin\) alone holds more than 5 rows.*finer grain/,
    )
  })

  it('refuses a time zone that is not IANA', async () => {
    const source = dailyCounts(events)
    await expect(
      upserted(readPages(source.run, daily, { window, grain: { unit: 'day', timeZone: 'Mars/Olympus' } })),
    ).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/not an IANA time zone/) })
    expect(source.windows).toHaveLength(0)
  })

  it('refuses a unit that is not a grain (a caller without types), before reading', async () => {
    const source = dailyCounts(events)
    const grain = { unit: 'week', timeZone: 'Europe/Berlin' } as unknown as typeof BERLIN_DAY
    await expect(upserted(readPages(source.run, daily, { window, grain }))).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^grain\.unit "week" is not a grain; choose hour, day, week_monday/),
    })
    expect(source.windows).toHaveLength(0)
  })
})
