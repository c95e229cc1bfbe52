// Grain-aligned paging against the emulator's real ClickHouse: PostHog's own toStartOfDay/toStartOfHour in the
// Berlin project's zone decide the buckets, so this also checks that the SDK's bucket boundaries agree with them.
import { describe, expect, it } from 'vitest'
import { type BucketGrain, bucketStart } from '../../schedule/bucketStart'
import { clientOf, useEmulator } from '../integration/emulatorFixture'

// Fixed data days (180 up to 31 October 2026) so the range holds Berlin's 25 October fall-back night.
const emulator = useEmulator({ size: 20_000, endDate: '2026-11-01' })

const aggregate = (bucket: string) =>
  `select event, ${bucket}(timestamp) as bucket, count() as n from events where timestamp >= {period_start} and timestamp < {period_end} group by event, bucket order by bucket, event`

async function readBuckets(
  hogql: string,
  window: { start: Date; end: Date },
  grain: BucketGrain | undefined,
  pageSize: number,
  timeColumn?: string,
) {
  let requests = 0
  const berlin = clientOf(emulator(), {
    projectId: emulator().projects.berlin,
    fetch: (input, init) => {
      requests++
      return fetch(input, init)
    },
  })
  const all = await berlin.queryAll<[string, string, number]>(hogql, {
    window,
    pageSize,
    ...(grain && { grain }),
    ...(timeColumn && { timeColumn }),
  })
  const sink = new Map<string, number>()
  for (const [event, bucket, n] of all.results) sink.set(`${event}|${Date.parse(bucket)}`, n)
  return { sink, splits: all.splits, buckets: all.results.map((row) => Date.parse(row[1])), requests, all }
}

describe('readPages with a grain, on the emulator', () => {
  it.each([
    ['toStartOfDay', { unit: 'day', timeZone: 'Europe/Berlin' }, 40, '2026-10-02T09:13:00Z', '2026-10-31T16:41:00Z'],
    ['toStartOfHour', { unit: 'hour', timeZone: 'Europe/Berlin' }, 20, '2026-10-20T20:13:00Z', '2026-10-30T03:41:00Z'],
  ] as const)(
    '%s: split windows from an odd start upsert the same totals as one read of whole buckets',
    async (fn, grain, pageSize, from, to) => {
      const split = await readBuckets(aggregate(fn), { start: new Date(from), end: new Date(to) }, grain, pageSize)
      // One plain read (no grain, no split) from the start of the first bucket.
      const aligned = { start: bucketStart(new Date(from), grain), end: new Date(to) }
      const whole = await readBuckets(aggregate(fn), aligned, undefined, 49_999)
      expect(split.splits).toBeGreaterThan(0)
      expect(whole.splits).toBe(0)
      expect(split.sink.size).toBeGreaterThan(pageSize)
      expect(split.sink).toEqual(whole.sink)
      // PostHog's buckets are the SDK's: each bucket value ClickHouse returns is a bucket start by bucketStart.
      for (const at of whole.buckets) expect(bucketStart(new Date(at), grain).getTime()).toBe(at)
    },
  )

  it('with a time column, sizes the windows from one count on ClickHouse: the same totals, fewer requests', async () => {
    const grain = { unit: 'hour', timeZone: 'Europe/Berlin' } as const
    const window = { start: new Date('2026-10-20T20:13:00Z'), end: new Date('2026-10-30T03:41:00Z') }
    const planned = await readBuckets(aggregate('toStartOfHour'), window, grain, 20, 'bucket')
    const halved = await readBuckets(aggregate('toStartOfHour'), window, grain, 20)
    expect(planned.sink).toEqual(halved.sink)
    expect(planned.requests).toBeLessThan(halved.requests)
    // The first window, the count, then one request per page: no window is read twice.
    expect(planned.requests).toBe(planned.all.pageCount + 2)
  })

  it('fails with window_too_dense naming the bucket when one bucket alone is full', async () => {
    const berlin = clientOf(emulator(), { projectId: emulator().projects.berlin })
    const window = { start: new Date('2026-10-05T00:00:00Z'), end: new Date('2026-10-09T00:00:00Z') }
    const error = await berlin
      .queryAll(aggregate('toStartOfDay'), { window, grain: { unit: 'day', timeZone: 'Europe/Berlin' }, pageSize: 2 })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'truncated_result', truncationReason: 'window_too_dense' })
    expect((error as Error).message).toMatch(/^The day bucket starting 2026-10-04T22:00:00.000Z \(Europe\/Berlin\)/)
  })
})
