import { AGGREGATION_GRAINS } from '../../config/aggregationGrain'
import type { HogQLValue } from '../../config/hogqlValue'
import { isValidTimeZone } from '../../config/timeZone'
import type { TimeWindow } from '../../schedule/timeWindow'
import { PostHogClientError } from '../errors/PostHogClientError'
import type { HogQLQueryResult, QueryOptions } from '../resources/QueryTypes'
import { MAX_RESULT_ROWS } from '../resources/QueryTypes'
import { analyzeHogQL, withExplicitLimit } from './analyzeHogQL'
import type { PagingOptions, QueryPage } from './PagingTypes'
import { binSecondsFor, histogramQuery, planFromHistogram, type WindowPlan } from './windowPlan'
import { bucketSplitter, plainSplitter } from './windowSplitter'

/** Runs one query and returns its result or its error (errors stay values until the public edge). */
export type RunQuery = (
  hogql: string,
  options: QueryOptions,
) => Promise<{ result: HogQLQueryResult } | { error: PostHogClientError }>

// Milliseconds are kept when present: dropping them could give two adjacent bounds the same text and lose the rows
// between them.
const defaultBound = (bound: Date): HogQLValue => bound.toISOString().replace(/\.000Z$/, 'Z')

const fail = (error: PostHogClientError): never => {
  throw error
}

/**
 * Reads every row of a HogQL query as pages, never with OFFSET (PostHog rejects it for personal API keys).
 *
 * - The client gives each top-level SELECT without a LIMIT an explicit `LIMIT pageSize + 1`, so PostHog's implicit
 *   LIMIT 100 never applies, and a page is full exactly when `pageSize + 1` rows come back (or PostHog's 50,000 cap
 *   is reached). Arms with the author's own LIMIT keep it.
 * - With `{period_start}`/`{period_end}` placeholders, the window is read in sub-windows; a full one is split in
 *   halves and re-read, down to `minWindowMs`. With a `grain`, the window starts at the start of its first bucket
 *   and is split only on bucket boundaries; one full bucket fails with `window_too_dense`. With a `timeColumn`, the
 *   first full window is not halved: one request counts the rows per time bin of the rest of the range, and the
 *   windows are sized from it (still split if one comes back full).
 * - Without them, a full result fails with `truncated_result` rather than returning part of the data.
 * Errors are thrown as {@link PostHogClientError}.
 */
export async function* readPages(run: RunQuery, hogql: string, options: PagingOptions = {}): AsyncGenerator<QueryPage> {
  const shape = analyzeHogQL(hogql)
  const pageSize = Math.max(1, Math.min(options.pageSize ?? MAX_RESULT_ROWS - 1, MAX_RESULT_ROWS - 1))
  const query = withExplicitLimit(hogql, pageSize + 1, shape)
  const hasStart = shape.placeholders.has('period_start')
  const hasEnd = shape.placeholders.has('period_end')
  const isFull = (rows: number) => rows > pageSize || rows >= MAX_RESULT_ROWS
  const base: QueryOptions = {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    refresh: options.refresh,
    name: options.name,
    mode: options.mode,
  }

  if (hasStart !== hasEnd) {
    fail(
      new PostHogClientError(
        'invalid_request',
        `The HogQL uses {${hasStart ? 'period_start' : 'period_end'}} without {${hasStart ? 'period_end' : 'period_start'}}. Use both, e.g. WHERE timestamp >= {period_start} AND timestamp < {period_end}.`,
        { hogql },
      ),
    )
  }

  if (!hasStart) {
    const answer = await run(query, { ...base, values: options.values })
    if ('error' in answer) return fail(answer.error)
    const { result } = answer
    if (isFull(result.results.length) || result.hasMore) {
      fail(
        new PostHogClientError(
          'truncated_result',
          `The query returns more than ${Math.min(pageSize, result.results.length - 1)} rows, more than one PostHog request can return, and it has no time window to page by. Add WHERE timestamp >= {period_start} AND timestamp < {period_end} and read it with a window, or aggregate to fewer rows.`,
          { truncationReason: 'no_window_placeholders', hogql: query },
        ),
      )
    }
    const page: QueryPage = {
      index: 0,
      columns: result.columns,
      types: result.types,
      results: result.results,
      window: null,
      query,
      timings: result.timings,
      splits: 0,
    }
    await options.onPage?.(page)
    yield page
    return
  }

  const window = options.window
  if (!window || !(window.start.getTime() < window.end.getTime())) {
    return fail(
      new PostHogClientError(
        'invalid_request',
        'The HogQL uses {period_start} and {period_end}: pass window: { start, end } with start before end.',
        { hogql },
      ),
    )
  }
  const grain = options.grain
  if (grain && !(AGGREGATION_GRAINS as readonly string[]).includes(grain.unit)) {
    return fail(
      new PostHogClientError(
        'invalid_request',
        `grain.unit ${JSON.stringify(grain.unit)} is not a grain; choose ${AGGREGATION_GRAINS.join(', ')}, or leave grain out when rows are not bucketed by time.`,
        { hogql },
      ),
    )
  }
  if (grain && !isValidTimeZone(grain.timeZone)) {
    return fail(
      new PostHogClientError(
        'invalid_request',
        `grain.timeZone "${grain.timeZone}" is not an IANA time zone; pass the PostHog project's zone, e.g. Europe/Berlin or UTC.`,
        { hogql },
      ),
    )
  }
  const splitter = grain ? bucketSplitter(grain) : plainSplitter(Math.max(1000, options.minWindowMs ?? 60_000))
  const format = options.formatWindowBound ?? defaultBound
  const endMs = window.end.getTime()
  let cursor = splitter.start(window.start.getTime())
  let span = options.initialWindowMs ?? endMs - cursor
  let index = 0
  let splits = 0
  let plan: WindowPlan | undefined
  let planAsked = false
  /** Rows per time bin of `[from, endMs)`, asked once, when a window first comes back full; `undefined` if PostHog cannot count them. */
  const askPlan = async (from: number, timeColumn: string): Promise<WindowPlan | undefined> => {
    const binSeconds = binSecondsFor(from, endMs)
    const answer = await run(histogramQuery(hogql, shape, timeColumn, binSeconds), {
      ...base,
      values: { ...options.values, period_start: format(new Date(from)), period_end: format(new Date(endMs)) },
    })
    if ('error' in answer) {
      if (options.signal?.aborted) return fail(answer.error)
      // Not a time, or a query PostHog will not nest: the windows are halved as without a time column.
      return undefined
    }
    return planFromHistogram(answer.result, binSeconds, Math.floor(pageSize * PLAN_FILL), endMs)
  }
  /**
   * Reads one window: its page, or why it must be split: it came back full, or PostHog gave up on it (its time
   * limit, the too-slow estimate, the memory limit), which a shorter window may not hit.
   */
  const readWindow = async (current: TimeWindow): Promise<QueryPage | { tooBig: PostHogClientError | null }> => {
    const answer = await run(query, {
      ...base,
      values: { ...options.values, period_start: format(current.start), period_end: format(current.end) },
    })
    if ('error' in answer) {
      if (isTooHeavy(answer.error)) return { tooBig: answer.error }
      return fail(answer.error)
    }
    const { result } = answer
    if (isFull(result.results.length) || result.hasMore) return { tooBig: null }
    return {
      index: index++,
      columns: result.columns,
      types: result.types,
      results: result.results,
      window: current,
      query,
      timings: result.timings,
      splits,
    }
  }
  // The page handed out, cleared when the consumer asks for the next one: a generator's frame would otherwise keep
  // a page alive while the next one is fetched and parsed, and the collector would copy it (tens of MB a page).
  let page: QueryPage | undefined
  let read: Awaited<ReturnType<typeof readWindow>> | undefined
  while (cursor < endMs) {
    const upTo = splitter.end(cursor, plan ? Math.min(plan.spanFrom(cursor), span) : span, endMs)
    const current: TimeWindow = { start: new Date(cursor), end: new Date(upTo) }
    read = await readWindow(current)
    if ('tooBig' in read) {
      if (read.tooBig === null && options.timeColumn !== undefined && !planAsked) {
        planAsked = true
        plan = await askPlan(cursor, options.timeColumn)
        if (plan) {
          span = Number.POSITIVE_INFINITY
          splits++
          continue
        }
      }
      const cut = splitter.split(cursor, upTo)
      if (cut === undefined) {
        // The smallest window PostHog still refuses fails with PostHog's own reason; a full one as too dense.
        return fail(
          read.tooBig ??
            new PostHogClientError('truncated_result', splitter.tooDense(current.start, current.end, pageSize), {
              truncationReason: 'window_too_dense',
              hogql: query,
            }),
        )
      }
      span = cut - cursor
      splits++
      continue
    }
    page = read
    read = undefined
    await options.onPage?.(page)
    const sparse = page.results.length < pageSize / 4
    yield page
    page = undefined
    // Sparse pages let the next window grow back, so one dense day does not make the whole range slow. Doubling the
    // window read (not the span asked for) grows a one-bucket window even when the span was shorter than a bucket.
    // A plan sizes the next window itself; a span cut short by a miss of the plan applies to that window only.
    if (plan) span = Number.POSITIVE_INFINITY
    else if (sparse) span = (upTo - cursor) * 2
    cursor = upTo
  }
}

/** How full a planned window is meant to be: rows that arrive between the count and the read still fit. */
const PLAN_FILL = 0.9

/** PostHog gave up on the query's size, not its text: its time limit (504), the too-slow estimate (512), memory. */
const isTooHeavy = (error: PostHogClientError) =>
  (error.code === 'timeout' && error.timeoutSource === 'posthog') ||
  error.code === 'query_too_slow' ||
  error.code === 'query_memory'
