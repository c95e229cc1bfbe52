import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { StatisfyError } from '../errors/index'
import { RejectReason } from '../mapping/index'
import { createInMemoryDirectory } from '../resolve/index'
import {
  createMemoryRecordSink,
  createStaticQueryClient,
  createSteppingClock,
  exampleCatalog,
  productUsageQuery,
  type StaticResult,
} from '../testing/index'
import { keyTablePool } from './Int32ArrayPool'
import { type RunReport, runReportSchema } from './RunReport'
import { runSync } from './runSync'
import type { SyncQueryClient, SyncQueryPage } from './SyncPorts'
import type { SyncProgress } from './SyncProgress'

const directory = createInMemoryDirectory([
  { id: 'acc_acme', name: 'Acme', orgIds: ['org_acme'] },
  { id: 'acc_globex', name: 'Globex', orgIds: ['org_globex'] },
  // Two accounts claim the same org id: resolving it must not guess.
  { id: 'acc_initech_1', name: 'Initech', orgIds: ['org_initech'] },
  { id: 'acc_initech_2', name: 'Initech EU', orgIds: ['org_initech'] },
])

const hogql = 'select org_id, day, metric, value from usage where day >= {period_start} and day < {period_end}'
const definition = productUsageQuery({ hogql })
const columns = ['org_id', 'day', 'metric', 'value']
const types = ['String', "DateTime64(6, 'UTC')", 'String', 'UInt64']
const window = { start: new Date('2025-06-01T00:00:00Z'), end: new Date('2025-06-03T00:00:00Z') }

function usage(rows: unknown[][]): StaticResult {
  return { columns, types, rows }
}

const cleanRows = [
  ['org_acme', '2025-06-01T00:00:00Z', 'events', 10],
  ['org_acme', '2025-06-02T00:00:00Z', 'events', 12],
  ['org_globex', '2025-06-01T00:00:00Z', 'events', 3],
]

function setup(result: StaticResult | Error, sinkOptions = {}) {
  const client = createStaticQueryClient({ [hogql]: result })
  const sink = createMemoryRecordSink(sinkOptions)
  const clock = createSteppingClock('2025-06-03T01:00:00Z', 100)
  return { client, sink, ports: { client, sink, catalog: exampleCatalog, directory, clock } }
}

function parsed(report: RunReport): RunReport {
  return runReportSchema.parse(report)
}

describe('runSync', () => {
  it('reads with the window, writes every record and reports success', async () => {
    const { client, sink, ports } = setup(usage(cleanRows))
    const report = parsed(await runSync(definition, ports, { window }))
    expect(report.status).toBe('succeeded')
    expect(report.counts).toEqual({ read: 3, written: 3, rejected: 0, unmatched: 0, ambiguous: 0, byReason: {} })
    expect(report.window).toEqual({ start: '2025-06-01T00:00:00.000Z', end: '2025-06-03T00:00:00.000Z' })
    expect(report.posthog.hogql).toEqual([hogql])
    expect(report.posthog.requests).toBe(1)
    expect(report.posthog.timings).toEqual([{ k: './clickhouse_execute', t: 0.01 }])
    expect(report.startedAt).toBe('2025-06-03T01:00:00.000Z')
    expect(report.durationMs).toBe(Date.parse(report.finishedAt) - Date.parse(report.startedAt))
    expect(report.durationMs).toBeGreaterThan(0)
    expect(client.calls[0]?.options.window).toEqual(window)
    expect(sink.records('product_usage')).toEqual([
      {
        row: 1,
        accountRef: 'org_acme',
        accountId: 'acc_acme',
        metric: 'events',
        timestamp: '2025-06-01T00:00:00Z',
        value: 10,
      },
      {
        row: 2,
        accountRef: 'org_acme',
        accountId: 'acc_acme',
        metric: 'events',
        timestamp: '2025-06-02T00:00:00Z',
        value: 12,
      },
      {
        row: 3,
        accountRef: 'org_globex',
        accountId: 'acc_globex',
        metric: 'events',
        timestamp: '2025-06-01T00:00:00Z',
        value: 3,
      },
    ])
  })

  it('passes saved values through to PostHog', async () => {
    const withValues = productUsageQuery({ hogql, values: { event: '$pageview' } })
    const { client, ports } = setup(usage(cleanRows))
    await runSync(withValues, ports, { window })
    expect(client.calls[0]?.options.values).toEqual({ event: '$pageview' })
  })

  it("passes the query's grain in the project's time zone to the client, and nothing without a grain", async () => {
    const daily = productUsageQuery({ hogql, grain: 'day' })
    const { client, ports } = setup(usage(cleanRows))
    await runSync(daily, ports, { window, timeZone: 'Europe/Berlin' })
    expect(client.calls[0]?.options.grain).toEqual({ unit: 'day', timeZone: 'Europe/Berlin' })
    await runSync(definition, ports, { window, timeZone: 'Europe/Berlin' })
    expect(client.calls[1]?.options).not.toHaveProperty('grain')
  })

  it('fails before reading when the query has a grain and no project time zone is given, saying what to pass', async () => {
    const { client, sink, ports } = setup(usage(cleanRows))
    const report = await runSync(productUsageQuery({ hogql, grain: 'week_monday' }), ports, { window })
    expect(report.status).toBe('failed')
    expect(report.error).toEqual({
      code: 'invalid_grain',
      message: expect.stringMatching(/"week_monday" grain needs the PostHog project's time zone \(pass timeZone/),
    })
    expect(client.calls).toHaveLength(0)
    expect(sink.writes).toBe(0)
  })

  it('is idempotent: running the same window twice leaves the same records', async () => {
    const { sink, ports } = setup(usage(cleanRows))
    await runSync(definition, ports, { window })
    const first = sink.snapshot()
    const again = await runSync(definition, ports, { window })
    expect(again.status).toBe('succeeded')
    expect(sink.snapshot()).toEqual(first)
    expect(sink.received).toBe(6)
    expect(sink.records('product_usage')).toHaveLength(3)
  })

  it('skips bad rows, reports them by reason with samples and row data, and is partial', async () => {
    const { sink, ports } = setup(
      usage([
        ...cleanRows,
        ['org_acme', 'soon', 'events', 1],
        ['org_unknown', '2025-06-01T00:00:00Z', 'events', 1],
        ['org_initech', '2025-06-01T00:00:00Z', 'events', 1],
        ['org_acme', '2025-06-01T00:00:00Z', 'events', 99],
        [null, '2025-06-01T00:00:00Z', 'events', 1],
      ]),
    )
    const report = parsed(await runSync(definition, ports, { window }))
    expect(report.status).toBe('partial')
    expect(report.counts).toEqual({
      read: 8,
      written: 3,
      rejected: 5,
      unmatched: 1,
      ambiguous: 1,
      byReason: {
        [RejectReason.BadTimestamp]: 1,
        [RejectReason.UnmatchedAccount]: 1,
        [RejectReason.AmbiguousAccount]: 1,
        [RejectReason.DuplicateKey]: 1,
        [RejectReason.MissingAccount]: 1,
      },
    })
    const ambiguous = report.reasons.find((r) => r.reason === RejectReason.AmbiguousAccount)
    expect(ambiguous?.samples[0]).toMatchObject({
      row: 6,
      column: 'org_id',
      value: 'org_initech',
      rowData: { org_id: 'org_initech', day: '2025-06-01T00:00:00Z', metric: 'events', value: 1 },
    })
    expect(ambiguous?.samples[0]?.message).toContain('acc_initech_1')
    const duplicate = report.reasons.find((r) => r.reason === RejectReason.DuplicateKey)
    expect(duplicate?.samples[0]).toMatchObject({ row: 7, message: expect.stringContaining('as row 1') })
    // The first row of a duplicated key wins.
    expect(sink.records('product_usage')[0]?.value).toBe(10)
  })

  it('handles per-event rows (timestamps that hardly repeat) with the same rules: exact duplicates, rejects', async () => {
    const at = (i: number) => `2025-06-01T10:00:00.${String(i).padStart(6, '0')}Z`
    const rows: unknown[][] = Array.from({ length: 40 }, (_, i) => ['org_acme', at(i), 'events', 1])
    rows.push(
      ['org_acme', at(3), 'events', 5], // duplicate of row 4
      ['org_globex', at(3), 'events', '2.5'], // another account: not a duplicate; numeric string value
      ['org_acme', at(3), 'pageviews', 1], // another metric: not a duplicate
      ['org_acme', 'later', 'events', 1],
      ['org_unknown', at(50), 'events', 1],
      ['org_initech', at(51), 'events', 1],
      ['org_acme', at(52), 'events', 'n/a'],
    )
    const { sink, ports } = setup(usage(rows))
    const report = parsed(await runSync(definition, ports, { window }))
    expect(report.counts).toEqual({
      read: 47,
      written: 42,
      rejected: 5,
      unmatched: 1,
      ambiguous: 1,
      byReason: {
        [RejectReason.DuplicateKey]: 1,
        [RejectReason.BadTimestamp]: 1,
        [RejectReason.UnmatchedAccount]: 1,
        [RejectReason.AmbiguousAccount]: 1,
        [RejectReason.NotANumber]: 1,
      },
    })
    const samples = Object.fromEntries(report.reasons.map((r) => [r.reason, r.samples[0]]))
    expect(samples[RejectReason.DuplicateKey]).toMatchObject({ row: 41, message: expect.stringContaining('as row 4') })
    expect(samples[RejectReason.BadTimestamp]).toMatchObject({ row: 44, column: 'day', value: 'later' })
    expect(samples[RejectReason.NotANumber]).toMatchObject({ row: 47, column: 'value', value: 'n/a' })
    const written = sink.records('product_usage')
    expect(written.find((r) => r.row === 4)?.value).toBe(1)
    expect(written.find((r) => r.row === 42)).toMatchObject({ accountId: 'acc_globex', timestamp: at(3), value: 2.5 })
  })

  it('keeps at most samplesPerReason samples while counting all', async () => {
    const bad = Array.from({ length: 12 }, (_, i) => ['org_acme', `bad ${i}`, 'events', 1])
    const { ports } = setup(usage(bad))
    const report = await runSync(definition, ports, { window, samplesPerReason: 2 })
    expect(report.reasons).toEqual([
      {
        reason: RejectReason.BadTimestamp,
        count: 12,
        samples: [expect.objectContaining({ row: 1 }), expect.objectContaining({ row: 2 })],
      },
    ])
  })

  it('hands every reject to onRejects in row order', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [
      'org_acme',
      i % 2 ? 'bad' : `2025-06-0${i + 1}T00:00:00Z`,
      'events',
      1,
    ])
    const { ports } = setup(usage(rows))
    const seen: number[] = []
    await runSync(definition, ports, {
      window,
      batchSize: 2,
      onRejects: (rejects) => {
        seen.push(...rejects.map((r) => r.row))
      },
    })
    expect(seen).toEqual([2, 4, 6])
  })

  it('reads page by page, numbering rows across pages and sampling the right row data', async () => {
    const rows = [...cleanRows, ['org_acme', 'bad', 'events', 1], ['org_globex', '2025-06-02T00:00:00Z', 'events', 4]]
    const { sink, ports } = setup({ ...usage(rows), pageSize: 2 })
    const report = await runSync(definition, ports, { window, batchSize: 2 })
    expect(report.posthog.requests).toBe(3)
    expect(report.posthog.hogql).toEqual([hogql])
    expect(report.posthog.pages?.map((p) => p.rows)).toEqual([2, 2, 1])
    expect(report.counts).toMatchObject({ read: 5, written: 4, rejected: 1 })
    expect(report.reasons[0]?.samples[0]).toMatchObject({
      row: 4,
      rowData: { org_id: 'org_acme', day: 'bad', metric: 'events', value: 1 },
    })
    expect(sink.records('product_usage').map((r) => r.row)).toEqual([1, 2, 3, 5])
  })

  it('onPageWritten: each page is whole in the sink (its partial batch flushed) before the hook, and the next page waits for it', async () => {
    const rows = [...cleanRows, ['org_acme', 'bad', 'events', 1], ['org_globex', '2025-06-02T00:00:00Z', 'events', 4]]
    const { sink, ports } = setup({ ...usage(rows), pageSize: 2 })
    const seen: { index: number; rowsRead: number; written: number; rejected: number; inSink: number[] }[] = []
    const report = await runSync(definition, ports, {
      window,
      // Batches of 3 straddle the pages of 2: without the page-end flush, page 1's second record would wait.
      batchSize: 3,
      onPageWritten: async ({ index, rowsRead, written, rejected }) => {
        seen.push({ index, rowsRead, written, rejected, inSink: sink.records('product_usage').map((r) => r.row) })
      },
    })
    expect(report.status).toBe('partial')
    expect(seen).toEqual([
      { index: 0, rowsRead: 2, written: 2, rejected: 0, inSink: [1, 2] },
      { index: 1, rowsRead: 4, written: 3, rejected: 1, inSink: [1, 2, 3] },
      { index: 2, rowsRead: 5, written: 4, rejected: 1, inSink: [1, 2, 3, 5] },
    ])
  })

  it('onPageWritten: a hook that throws stops the run before the next page is read', async () => {
    const { sink, ports } = setup({ ...usage(cleanRows), pageSize: 1 })
    const report = await runSync(definition, ports, {
      window,
      onPageWritten: ({ index }) => {
        if (index === 1) throw new StatisfyError('aborted', 'Shutting down.')
      },
    })
    expect(report.status).toBe('failed')
    expect(report.error?.code).toBe('aborted')
    expect(report.counts.read).toBe(2)
    expect(sink.records('product_usage')).toHaveLength(2)
  })

  it('onPageWritten is not called in a dry run', async () => {
    const { ports } = setup(usage(cleanRows))
    const hook = vi.fn()
    await runSync(definition, ports, { window, dryRun: true, onPageWritten: hook })
    expect(hook).not.toHaveBeenCalled()
  })

  it('fails when a later page cannot be read, keeping what earlier pages wrote (a re-run completes it)', async () => {
    const failing = {
      ...usage(cleanRows),
      pageSize: 2,
      failAfterPages: { pages: 1, error: new StatisfyError('timeout', 'PostHog timed out.') },
    }
    const { sink, ports } = setup(failing)
    const report = await runSync(definition, ports, { window, batchSize: 2 })
    expect(report).toMatchObject({ status: 'failed', error: { code: 'timeout' }, counts: { read: 2, written: 2 } })
    expect(sink.records('product_usage')).toHaveLength(2)
    // Re-running the window into the half-written sink gives what one clean run gives.
    const { sink: fresh, ports: healthy } = setup(usage(cleanRows))
    await runSync(definition, healthy, { window })
    await runSync(definition, { ...healthy, sink }, { window })
    expect(sink.snapshot()).toEqual(fresh.snapshot())
  })

  it('fails before any write when a mapped column is missing, naming it', async () => {
    const { sink, ports } = setup({ columns: ['org_id', 'day', 'value'], rows: [['org_acme', '2025-06-01', 1]] })
    const report = parsed(await runSync(definition, ports, { window }))
    expect(report.status).toBe('failed')
    expect(report.error?.code).toBe('missing_columns')
    expect(report.error?.message).toContain('"metric"')
    expect(sink.writes).toBe(0)
  })

  it('fails on a catalog mismatch without calling PostHog', async () => {
    const { client, ports } = setup(usage(cleanRows))
    const report = await runSync(
      definition,
      { ...ports, catalog: { ...exampleCatalog, resolvers: ['crm_id'] } },
      { window },
    )
    expect(report.error?.code).toBe('catalog_mismatch')
    expect(client.calls).toHaveLength(0)
  })

  it('reports a PostHog failure with its stable code and writes nothing', async () => {
    const { sink, ports } = setup(new StatisfyError('rate_limited', 'PostHog asked to wait 37 s.'))
    const report = await runSync(definition, ports, { window })
    expect(report.status).toBe('failed')
    expect(report.error).toEqual({ code: 'rate_limited', message: 'PostHog asked to wait 37 s.' })
    expect(sink.writes).toBe(0)
  })

  it('reports a sink failure as sink_failed, with what was written before it', async () => {
    const { ports } = setup(usage(cleanRows), { failAfterWrites: 1 })
    const report = await runSync(definition, ports, { window, batchSize: 2 })
    expect(report.status).toBe('failed')
    expect(report.error?.code).toBe('sink_failed')
    expect(report.error?.message).toContain('injected sink failure')
    expect(report.counts.written).toBe(2)
  })

  it('gives its duplicate-check tables back to the engine pool when it ends, failed or not', async () => {
    const release = vi.spyOn(keyTablePool, 'release')
    try {
      for (const failAfterWrites of [1, undefined]) {
        release.mockClear()
        const { ports } = setup(usage(cleanRows), failAfterWrites === undefined ? {} : { failAfterWrites })
        const report = await runSync(definition, ports, { window, batchSize: 2 })
        expect(report.status).toBe(failAfterWrites === undefined ? 'succeeded' : 'failed')
        expect(release).toHaveBeenCalled()
      }
    } finally {
      release.mockRestore()
    }
  })

  it('dry run: maps and resolves everything, writes nothing, counts what would be written', async () => {
    const { sink, ports } = setup(usage([...cleanRows, ['org_unknown', '2025-06-01T00:00:00Z', 'events', 1]]))
    const report = await runSync(definition, ports, { window, dryRun: true })
    expect(report).toMatchObject({ dryRun: true, status: 'partial', counts: { written: 3, unmatched: 1 } })
    expect(sink.writes).toBe(0)
  })

  it('emits progress from indexing to done', async () => {
    const { ports } = setup(usage(cleanRows))
    const events: SyncProgress[] = []
    await runSync(definition, ports, { window, batchSize: 2, onProgress: (e) => events.push(e) })
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['indexing_accounts', 'reading', 'writing', 'done'])
    expect(events.at(-1)).toEqual({
      queryId: 'usage',
      phase: 'done',
      rowsRead: 3,
      rowsProcessed: 3,
      written: 3,
      rejected: 0,
    })
    expect(events.filter((e) => e.phase === 'writing').map((e) => e.rowsProcessed)).toEqual([2, 3])
  })

  it('stops when aborted and reports aborted', async () => {
    const { sink, ports } = setup(usage(cleanRows))
    const controller = new AbortController()
    const report = await runSync(definition, ports, {
      window,
      batchSize: 1,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'writing' && e.written === 1) controller.abort()
      },
    })
    expect(report.error?.code).toBe('aborted')
    expect(sink.records('product_usage')).toHaveLength(1)
  })

  it('uses a given account index instead of reading the directory', async () => {
    const { client, sink } = setup(usage(cleanRows))
    const accounts = {
      resolve: () => ({
        status: 'matched' as const,
        accountId: 'acc_x',
        resolver: 'org_id' as const,
        confidence: 1,
        method: 'exact' as const,
        matchedOn: 'x',
      }),
    }
    const report = await runSync(definition, { client, sink, catalog: exampleCatalog, accounts }, { window })
    // All three rows resolve to one account; two share (account, metric, timestamp) and are duplicates.
    expect(report.counts).toMatchObject({ written: 2, rejected: 1, byReason: { duplicate_key: 1 } })
  })

  it('holds no page while the client reads the next one, so a run keeps one page in memory, not two', async () => {
    setFlagsFromString('--expose-gc')
    const collectGarbage = runInNewContext('gc') as () => void
    const alive: boolean[] = []
    let previous: WeakRef<object> | undefined
    // An iterator object, not a generator, so that the client itself keeps nothing of the pages it handed out.
    const client: SyncQueryClient = {
      pages() {
        let served = 0
        const iterator: AsyncIterableIterator<SyncQueryPage> = {
          async next() {
            // A task boundary first: a WeakRef's target is kept until the task that made it ends.
            await new Promise((resolve) => setImmediate(resolve))
            collectGarbage()
            if (previous) alive.push(previous.deref() !== undefined)
            if (served === 3) return { done: true, value: undefined }
            const results = [['org_acme', `2025-06-01T0${served}:00:00Z`, 'events', served]]
            previous = new WeakRef(results)
            served++
            return { done: false, value: { columns, types, results, query: hogql, timings: [], splits: 0 } }
          },
          [Symbol.asyncIterator]: () => iterator,
        }
        return iterator
      },
    }
    const sink = createMemoryRecordSink()
    const report = await runSync(definition, { client, sink, catalog: exampleCatalog, directory }, { window })
    expect(report.status).toBe('succeeded')
    expect(alive).toEqual([false, false, false])
  })
})
