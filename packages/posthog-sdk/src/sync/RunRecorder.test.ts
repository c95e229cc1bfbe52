import { describe, expect, it } from 'vitest'
import { productUsageQuery } from '../testing/index'
import { RunRecorder } from './RunRecorder'
import { type RunReport, RunStatus, runReportSchema } from './RunReport'
import type { SyncQueryPage, SyncWindow } from './SyncPorts'

const HOUR = 3_600_000
const start = Date.parse('2025-06-01T00:00:00Z')
const clock = { now: () => start }

function recorder(): RunRecorder {
  return new RunRecorder(
    productUsageQuery(),
    clock,
    { start: new Date(start), end: new Date(start + 200 * HOUR) },
    false,
    undefined,
  )
}

/** A page as the client's `pages()` yields it: `splits` counts from the start of the run. */
function page(query: string, index: number, splits = 0, rows = 2): SyncQueryPage & { window: SyncWindow } {
  return {
    columns: ['org_id', 'day', 'metric', 'value'],
    types: [],
    results: Array.from({ length: rows }, () => ['org_1', '2025-06-01T00:00:00Z', 'events', 1]),
    query,
    timings: [
      { k: './clickhouse_execute', t: 0.5 + index },
      { k: '.', t: 1 + index },
    ],
    splits,
    window: { start: new Date(start + index * HOUR), end: new Date(start + (index + 1) * HOUR) },
  }
}

describe('RunRecorder', () => {
  it('keeps a HogQL text sent by every page once, and each page’s window, rows and timings', () => {
    const hogql = `select org_id, day, metric, value from usage /* ${'x'.repeat(100_000)} */`
    const run = recorder()
    for (let i = 0; i < 200; i++) run.page(page(hogql, i))
    const report = runReportSchema.parse(run.finish(RunStatus.Succeeded))
    expect(report.posthog.hogql).toEqual([hogql])
    expect(JSON.stringify(report).length).toBeLessThan(2 * hogql.length)
    expect(report.posthog.requests).toBe(200)
    expect(report.posthog.pages).toHaveLength(200)
    expect(report.posthog.pages?.[199]).toEqual({
      hogql: 0,
      window: { start: '2025-06-09T07:00:00.000Z', end: '2025-06-09T08:00:00.000Z' },
      rows: 2,
      splits: 0,
      timings: [
        { k: './clickhouse_execute', t: 199.5 },
        { k: '.', t: 200 },
      ],
    })
    // The summed timings are kept as before.
    expect(report.posthog.timings[1]).toEqual({ k: '.', t: (200 * 201) / 2 })
    expect(report.counts.read).toBe(400)
  })

  it('keeps each distinct text and points every page at the one it sent', () => {
    const run = recorder()
    run.page(page('select 1', 0))
    run.page(page('select 2', 1))
    run.page(page('select 1', 2))
    const { posthog } = run.finish(RunStatus.Succeeded)
    expect(posthog.hogql).toEqual(['select 1', 'select 2'])
    expect(posthog.pages?.map((p) => p.hogql)).toEqual([0, 1, 0])
  })

  it('counts split windows once each, as the client counts them from the start of the run', () => {
    const run = recorder()
    run.page(page('select 1', 0, 2))
    run.page(page('select 1', 1, 2))
    run.page(page('select 1', 2, 3))
    const { posthog } = run.finish(RunStatus.Succeeded)
    // Three pages and three windows re-read smaller.
    expect(posthog.requests).toBe(6)
    expect(posthog.pages?.map((p) => p.splits)).toEqual([2, 0, 1])
  })

  it('records a page without a window (a query without placeholders) with window null', () => {
    const run = recorder()
    const { window: _, ...windowless } = page('select 1', 0)
    run.page(windowless)
    expect(run.finish(RunStatus.Succeeded).posthog.pages?.[0]?.window).toBeNull()
  })

  it('still reads reports stored before pages existed, with the text repeated per page', () => {
    const stored = recorder().finish(RunStatus.Succeeded)
    const { pages: _, ...before } = stored.posthog
    const old: RunReport = { ...stored, posthog: { ...before, hogql: ['select 1', 'select 1'], requests: 2 } }
    expect(runReportSchema.parse(JSON.parse(JSON.stringify(old)))).toEqual(old)
  })
})
