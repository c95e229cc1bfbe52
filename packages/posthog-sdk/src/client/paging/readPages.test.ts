import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { isPostHogClientError, PostHogClientError } from '../errors/PostHogClientError'
import type { QueryOptions } from '../resources/QueryTypes'
import { fakeQueryResult } from './fakeQueryResult'
import type { QueryPage } from './PagingTypes'
import { type RunQuery, readPages } from './readPages'

// A stand-in for PostHog's row limits over a list of event times, to test the planner's decisions in isolation.
// (The same paths run against the emulator over HTTP in createPostHogClient.integration.test.ts.)
function limitedSource(times: number[]) {
  const calls: Array<{ query: string; values: QueryOptions['values'] }> = []
  const run: RunQuery = async (query, options) => {
    calls.push({ query, values: options.values })
    const start = Date.parse(String(options.values?.period_start ?? '1970-01-01T00:00:00Z'))
    const end = Date.parse(String(options.values?.period_end ?? '2100-01-01T00:00:00Z'))
    const inWindow = times.filter((t) => t >= start && t < end)
    // The window planner's count per bin of `t` (epoch milliseconds here, as PostHog's seconds would be).
    const bins = /^SELECT intDiv\(toUnixTimestamp\(`t`\), (\d+)\)/.exec(query)
    if (bins) {
      const counts = new Map<number, number>()
      for (const t of inWindow) {
        const bin = Math.floor(t / 1000 / Number(bins[1]))
        counts.set(bin, (counts.get(bin) ?? 0) + 1)
      }
      const results = [...counts].sort((a, b) => a[0] - b[0])
      return { result: fakeQueryResult(query, { columns: ['bin', 'row_count'], types: ['UInt32', 'UInt64'], results }) }
    }
    const limit = Math.min(Number(/LIMIT (\d+)\s*$/.exec(query)?.[1] ?? 100), 50_000)
    const rows = inWindow.map((t) => [t])
    const result = fakeQueryResult(query, { columns: ['t'], types: ['Int64'], results: rows.slice(0, limit) })
    return { result }
  }
  return { run, calls }
}

async function collect(pages: AsyncIterable<QueryPage>) {
  const all: QueryPage[] = []
  for await (const page of pages) all.push(page)
  return all
}

const day = Date.UTC(2025, 5, 1)
const windowed = 'select t from events where timestamp >= {period_start} and timestamp < {period_end} order by t'

describe('readPages', () => {
  it('reads a sparse window in one page with an explicit LIMIT of pageSize + 1', async () => {
    const source = limitedSource([day + 1000, day + 2000])
    const pages = await collect(
      readPages(source.run, windowed, {
        window: { start: new Date(day), end: new Date(day + 86_400_000) },
        pageSize: 10,
      }),
    )
    expect(pages).toHaveLength(1)
    expect(pages[0]!.results).toEqual([[day + 1000], [day + 2000]])
    expect(source.calls[0]!.query).toMatch(/\nLIMIT 11$/)
    expect(source.calls[0]!.values).toEqual({
      period_start: '2025-06-01T00:00:00Z',
      period_end: '2025-06-02T00:00:00Z',
    })
  })

  it('splits full windows in halves and reads every row exactly once, in order', async () => {
    const times = Array.from({ length: 1000 }, (_, i) => day + i * 86_400)
    const source = limitedSource(times)
    const pages = await collect(
      readPages(source.run, windowed, {
        window: { start: new Date(day), end: new Date(day + 86_400_000) },
        pageSize: 100,
      }),
    )
    const rows = pages.flatMap((p) => p.results.map((r) => r[0]))
    expect(rows).toEqual(times)
    expect(pages.every((p) => p.results.length <= 100)).toBe(true)
    expect(pages.at(-1)!.splits).toBeGreaterThan(0)
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.window!.start).toEqual(pages[i - 1]!.window!.end)
  })

  describe('with a time column', () => {
    // 1,000 rows over a day, nine in ten of them in its first two hours.
    const times = Array.from({ length: 1000 }, (_, i) =>
      i < 900 ? day + i * 8_000 : day + 7_200_000 + (i - 900) * 700_000,
    )
    const options = { window: { start: new Date(day), end: new Date(day + 86_400_000) }, pageSize: 100 }
    const isCount = (query: string) => query.startsWith('SELECT intDiv(')

    it('sizes windows from one count per time bin instead of halving, and reads every row once, in order', async () => {
      const planned = limitedSource(times)
      const pages = await collect(readPages(planned.run, windowed, { ...options, timeColumn: 't' }))
      expect(pages.flatMap((p) => p.results.map((r) => r[0]))).toEqual(times)
      expect(pages.every((p) => p.results.length <= 100)).toBe(true)
      // One full window, one count, then only windows that fit: no row is read twice.
      expect(planned.calls.filter((c) => isCount(c.query))).toHaveLength(1)
      expect(planned.calls).toHaveLength(pages.length + 2)
      expect(pages.at(-1)!.splits).toBe(1)
      // Pages are filled near the plan's target rather than a quarter to a half of a page after halving.
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(1000 / 90) + 1)
      const halved = limitedSource(times)
      await collect(readPages(halved.run, windowed, options))
      expect(halved.calls.length).toBeGreaterThan(planned.calls.length)
    })

    it('asks for no count when the first window fits', async () => {
      const source = limitedSource(times.slice(0, 50))
      await collect(readPages(source.run, windowed, { ...options, timeColumn: 't' }))
      expect(source.calls).toHaveLength(1)
    })

    it('still splits a window the count got wrong, and halves as before when PostHog cannot count', async () => {
      // Rows that arrive after the count: the plan's windows over them come back full.
      const late = limitedSource(times)
      let counted = false
      const growing: RunQuery = async (query, opts) => {
        const answer = await late.run(query, opts)
        if (isCount(query)) counted = true
        else if (counted && 'result' in answer && answer.result.results.length <= 100) {
          // Twice the rows from now on, the same times.
          return { result: { ...answer.result, results: answer.result.results.flatMap((r) => [r, r]).slice(0, 101) } }
        }
        return answer
      }
      const pages = await collect(readPages(growing, windowed, { ...options, timeColumn: 't' }))
      expect(pages.every((p) => p.results.length <= 100)).toBe(true)
      expect(new Set(pages.flatMap((p) => p.results.map((r) => r[0])))).toEqual(new Set(times))

      for (const refusal of [
        { error: new PostHogClientError('hogql_resolution', 'Unknown column t', { status: 400 }) },
        { result: fakeQueryResult('', { columns: ['x'], types: ['String'], results: [['not a bin', 1]] }) },
      ]) {
        const source = limitedSource(times)
        const refusing: RunQuery = async (query, opts) => (isCount(query) ? refusal : source.run(query, opts))
        const read = await collect(readPages(refusing, windowed, { ...options, timeColumn: 't' }))
        expect(read.flatMap((p) => p.results.map((r) => r[0]))).toEqual(times)
        const halved = limitedSource(times)
        await collect(readPages(halved.run, windowed, options))
        expect(source.calls).toHaveLength(halved.calls.length)
      }
    })
  })

  it('grows windows after sparse pages, also from a first window shorter than minWindowMs', async () => {
    const source = limitedSource([day + 1000, day + 80_000_000])
    const pages = await collect(
      readPages(source.run, windowed, {
        window: { start: new Date(day), end: new Date(day + 86_400_000) },
        pageSize: 100,
        minWindowMs: 60_000,
        initialWindowMs: 0,
      }),
    )
    expect(pages.flatMap((p) => p.results)).toEqual([[day + 1000], [day + 80_000_000]])
    // 60 s, 120 s, 240 s, ... reach the end of the day in 11 windows rather than 1,440 of one minute.
    expect(source.calls).toHaveLength(11)
  })

  it('keeps sub-second bounds exact so a short last window is not empty', async () => {
    const source = limitedSource([day + 500, day + 1400])
    const pages = await collect(
      readPages(source.run, windowed, {
        window: { start: new Date(day), end: new Date(day + 1500) },
        pageSize: 1,
        minWindowMs: 1000,
      }),
    )
    expect(pages.flatMap((p) => p.results)).toEqual([[day + 500], [day + 1400]])
    expect(source.calls.at(-1)!.values).toEqual({
      period_start: '2025-06-01T00:00:01Z',
      period_end: '2025-06-01T00:00:01.500Z',
    })
  })

  it('fails with window_too_dense when even the minimum window is full', async () => {
    const source = limitedSource(Array.from({ length: 50 }, () => day + 500))
    const error = await collect(
      readPages(source.run, windowed, {
        window: { start: new Date(day), end: new Date(day + 3_600_000) },
        pageSize: 10,
        minWindowMs: 60_000,
      }),
    ).catch((e: unknown) => e as PostHogClientError)
    expect(isPostHogClientError(error, 'truncated_result')).toBe(true)
    expect((error as PostHogClientError).truncationReason).toBe('window_too_dense')
  })

  it('splits a window PostHog gives up on (its time limit, too slow, memory) and reads every row of the halves', async () => {
    const times = Array.from({ length: 100 }, (_, i) => day + i * 864_000)
    const source = limitedSource(times)
    // PostHog refuses any window longer than 6 hours, each time with another of its size errors.
    const refusals: PostHogClientError[] = [
      new PostHogClientError('timeout', 'max execution time', { timeoutSource: 'posthog', status: 504 }),
      new PostHogClientError('query_too_slow', 'estimated too slow', { status: 512 }),
      new PostHogClientError('query_memory', 'memory limit', { status: 513 }),
    ]
    let refused = 0
    const run: RunQuery = async (query, options) => {
      const span = Date.parse(String(options.values?.period_end)) - Date.parse(String(options.values?.period_start))
      if (span > 6 * 3_600_000) return { error: refusals[refused++ % refusals.length]! }
      return source.run(query, options)
    }
    const pages = await collect(
      readPages(run, windowed, { window: { start: new Date(day), end: new Date(day + 86_400_000) }, pageSize: 1000 }),
    )
    expect(pages.flatMap((p) => p.results.map((r) => r[0]))).toEqual(times)
    expect(refused).toBeGreaterThanOrEqual(3)
    expect(pages.at(-1)!.splits).toBe(refused)
  })

  it("fails with PostHog's own timeout when even the minimum window times out, and never splits other errors", async () => {
    const timeouts: RunQuery = async () => ({
      error: new PostHogClientError('timeout', 'max execution time', { timeoutSource: 'posthog', status: 504 }),
    })
    const error = await collect(
      readPages(timeouts, windowed, {
        window: { start: new Date(day), end: new Date(day + 3_600_000) },
        minWindowMs: 60_000,
      }),
    ).catch((e: unknown) => e as PostHogClientError)
    expect(error).toMatchObject({ code: 'timeout', timeoutSource: 'posthog' })
    // Our own timeout (no answer in time) and a HogQL error are not about the window's size: no split.
    for (const refusal of [
      new PostHogClientError('timeout', 'no answer', { timeoutSource: 'client' }),
      new PostHogClientError('hogql_resolution', 'Unknown column', { status: 400 }),
    ]) {
      let calls = 0
      const run: RunQuery = async () => {
        calls++
        return { error: refusal }
      }
      const failed = await collect(
        readPages(run, windowed, { window: { start: new Date(day), end: new Date(day + 3_600_000) } }),
      ).catch((e: unknown) => e)
      expect(failed).toBe(refusal)
      expect(calls).toBe(1)
    }
  })

  it('refuses partial data for a full query without window placeholders, saying how to fix it', async () => {
    const source = limitedSource(Array.from({ length: 30 }, (_, i) => i))
    const error = await collect(readPages(source.run, 'select t from events', { pageSize: 20 })).catch(
      (e: unknown) => e as PostHogClientError,
    )
    expect(isPostHogClientError(error, 'truncated_result')).toBe(true)
    expect((error as PostHogClientError).truncationReason).toBe('no_window_placeholders')
    expect((error as Error).message).toContain('{period_start}')
  })

  it('returns a small query without placeholders as one page, and never sends OFFSET', async () => {
    const source = limitedSource([1, 2, 3])
    const pages = await collect(readPages(source.run, 'select t from events', {}))
    expect(pages[0]!.results).toHaveLength(3)
    expect(pages[0]!.window).toBeNull()
    expect(source.calls.every((c) => !/offset/i.test(c.query))).toBe(true)
    expect(source.calls[0]!.query).toMatch(/LIMIT 50000$/)
  })

  it('asks for a window when the query has placeholders, and for both placeholders', async () => {
    const source = limitedSource([])
    await expect(collect(readPages(source.run, windowed, {}))).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(collect(readPages(source.run, 'select 1 where t >= {period_start}', {}))).rejects.toMatchObject({
      code: 'invalid_request',
    })
  })

  it('lets a page be collected once the consumer asks for the next one, while that one is read', async () => {
    setFlagsFromString('--expose-gc')
    const collectGarbage = runInNewContext('gc') as () => void
    const times = Array.from({ length: 20 }, (_, i) => day + i * 3_600_000)
    const { run } = limitedSource(times)
    let firstPage: WeakRef<object> | undefined
    let aliveDuringSecondRead: boolean | undefined
    const watching: RunQuery = async (query, options) => {
      if (firstPage) {
        collectGarbage()
        aliveDuringSecondRead = firstPage.deref() !== undefined
      }
      return run(query, options)
    }
    const pages = readPages(watching, windowed, {
      window: { start: new Date(day), end: new Date(day + 86_400_000) },
      initialWindowMs: 12 * 3_600_000,
    })
    // In a helper, so that this test's own frame keeps nothing of the first page.
    const takeFirst = async () => {
      const first = await pages.next()
      firstPage = new WeakRef((first.value as QueryPage).results)
    }
    await takeFirst()
    // A task boundary: a WeakRef's target is kept until the task that made it ends.
    await new Promise((resolve) => setImmediate(resolve))
    await pages.next()
    await pages.return(undefined)
    expect(aliveDuringSecondRead).toBe(false)
  })
})
