import { describe, expect, it } from 'vitest'
import { createInMemoryDirectory } from '../resolve/index'
import { createMemoryRecordSink, createSteppingClock, exampleCatalog, productUsageQuery } from '../testing/index'
import { runBackfill } from './runBackfill'
import type { SyncQueryClient, SyncWindow } from './SyncPorts'

const directory = createInMemoryDirectory([{ id: 'acc_acme', name: 'Acme', orgIds: ['org_acme'] }])
const definition = productUsageQuery({
  hogql: 'select org_id, day, metric, value from usage where {period_start} <= day',
})

/** Answers each window with one row per day of the window; fails on the windows listed. */
function dailyClient(failOn: string[] = []): SyncQueryClient & { windows: SyncWindow[]; grains: unknown[] } {
  const windows: SyncWindow[] = []
  const grains: unknown[] = []
  return {
    windows,
    grains,
    async *pages(hogql, options) {
      const window = options.window
      if (!window) throw new Error('a window is required')
      windows.push(window)
      grains.push(options.grain)
      if (failOn.includes(window.start.toISOString())) throw new Error('PostHog unavailable')
      const rows: unknown[][] = []
      for (let t = window.start.getTime(); t < window.end.getTime(); t += 86_400_000) {
        rows.push(['org_acme', new Date(t).toISOString(), 'events', 1])
      }
      yield {
        columns: ['org_id', 'day', 'metric', 'value'],
        types: [],
        results: rows,
        query: hogql,
        timings: [],
        splits: 0,
      }
    },
  }
}

const start = new Date('2025-01-01T00:00:00Z')
const end = new Date('2025-01-11T00:00:00Z')

describe('runBackfill', () => {
  it('runs consecutive windows over the range and writes every day once', async () => {
    const client = dailyClient()
    const sink = createMemoryRecordSink()
    const clock = createSteppingClock('2025-02-01T00:00:00Z', 1)
    const reports = await runBackfill(
      definition,
      { client, sink, catalog: exampleCatalog, directory, clock },
      {
        start,
        end,
        spanMs: 4 * 86_400_000,
      },
    )
    expect(reports.map((r) => [r.status, r.window?.start, r.window?.end])).toEqual([
      ['succeeded', '2025-01-01T00:00:00.000Z', '2025-01-05T00:00:00.000Z'],
      ['succeeded', '2025-01-05T00:00:00.000Z', '2025-01-09T00:00:00.000Z'],
      ['succeeded', '2025-01-09T00:00:00.000Z', '2025-01-11T00:00:00.000Z'],
    ])
    expect(sink.records('product_usage')).toHaveLength(10)
  })

  it('stops after the first failed window, so the watermark can resume there', async () => {
    const client = dailyClient(['2025-01-05T00:00:00.000Z'])
    const sink = createMemoryRecordSink()
    const reports = await runBackfill(
      definition,
      { client, sink, catalog: exampleCatalog, directory },
      {
        start,
        end,
        spanMs: 4 * 86_400_000,
      },
    )
    expect(reports.map((r) => r.status)).toEqual(['succeeded', 'failed'])
    expect(client.windows).toHaveLength(2)
    expect(sink.records('product_usage')).toHaveLength(4)
  })

  it('reports an invalid range as one failed run without calling PostHog', async () => {
    const client = dailyClient()
    const reports = await runBackfill(
      definition,
      { client, sink: createMemoryRecordSink(), catalog: exampleCatalog, directory },
      {
        start: end,
        end: start,
      },
    )
    expect(reports).toHaveLength(1)
    expect(reports[0]?.error?.code).toBe('invalid_window')
    expect(client.windows).toHaveLength(0)
  })
})
describe('runBackfill with a grain', () => {
  it("runs windows on the project's bucket boundaries and passes the grain to the client", async () => {
    const client = dailyClient()
    const sink = createMemoryRecordSink()
    const reports = await runBackfill(
      productUsageQuery({ hogql: definition.hogql, grain: 'day' }),
      { client, sink, catalog: exampleCatalog, directory },
      {
        start: new Date('2025-01-01T10:00:00Z'),
        end: new Date('2025-01-05T10:00:00Z'),
        spanMs: 2.5 * 86_400_000,
        timeZone: 'Europe/Berlin',
      },
    )
    // Berlin midnights are 23:00 UTC in winter; the range widens to whole Berlin days.
    expect(reports.map((r) => [r.status, r.window?.start, r.window?.end])).toEqual([
      ['succeeded', '2024-12-31T23:00:00.000Z', '2025-01-02T23:00:00.000Z'],
      ['succeeded', '2025-01-02T23:00:00.000Z', '2025-01-04T23:00:00.000Z'],
      ['succeeded', '2025-01-04T23:00:00.000Z', '2025-01-05T23:00:00.000Z'],
    ])
    expect(client.grains).toEqual(Array(3).fill({ unit: 'day', timeZone: 'Europe/Berlin' }))
  })

  it('ends a backfill that reaches today at the time it runs, not at the coming midnight', async () => {
    const client = dailyClient()
    const reports = await runBackfill(
      productUsageQuery({ hogql: definition.hogql, grain: 'day' }),
      {
        client,
        sink: createMemoryRecordSink(),
        catalog: exampleCatalog,
        directory,
        clock: createSteppingClock('2025-01-05T12:00:00Z'),
      },
      { start: new Date('2025-01-04T10:00:00Z'), end: new Date('2025-01-05T10:00:00Z'), timeZone: 'Europe/Berlin' },
    )
    expect(reports.map((r) => [r.window?.start, r.window?.end])).toEqual([
      ['2025-01-03T23:00:00.000Z', '2025-01-05T12:00:00.000Z'],
    ])
  })

  it('fails with one report, before reading, when the project time zone is missing', async () => {
    const client = dailyClient()
    const reports = await runBackfill(
      productUsageQuery({ hogql: definition.hogql, grain: 'month' }),
      { client, sink: createMemoryRecordSink(), catalog: exampleCatalog, directory },
      { start, end },
    )
    expect(reports).toHaveLength(1)
    expect(reports[0]?.error).toMatchObject({ code: 'invalid_grain', message: expect.stringMatching(/timeZone/) })
    expect(client.windows).toHaveLength(0)
  })
})
