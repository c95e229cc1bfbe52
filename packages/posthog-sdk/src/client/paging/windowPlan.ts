import type { HogQLQueryResult } from '../resources/QueryTypes'
import type { HogQLShape } from './analyzeHogQL'

/** How many time bins the plan asks PostHog for: fine enough to cut a page, few enough for one small result. */
const MAX_BINS = 10_000

/** Windows sized from the rows per time bin of a range, so each one fits a page without being read twice. */
export interface WindowPlan {
  /** The length of the window from `cursor` that holds about the plan's target of rows (at least one bin). */
  spanFrom(cursor: number): number
}

/** The bin width, in whole seconds, that covers `[startMs, endMs)` in at most {@link MAX_BINS} bins. */
export function binSecondsFor(startMs: number, endMs: number): number {
  return Math.max(1, Math.ceil((endMs - startMs) / 1000 / MAX_BINS))
}

/**
 * The HogQL that counts the query's rows per `binSeconds` of its `timeColumn`, e.g. `ts`: the query itself as a
 * subquery (same placeholders), so the count is of exactly the rows a page would return. Bins are epoch-aligned
 * whole seconds, so a cut at a bin's start is a readable bound.
 */
export function histogramQuery(hogql: string, shape: HogQLShape, timeColumn: string, binSeconds: number): string {
  // Without a trailing `;`, and on its own lines so a trailing `-- comment` cannot swallow the `)`.
  const inner = hogql.slice(0, shape.arms[shape.arms.length - 1]?.end ?? hogql.length)
  const column = `\`${timeColumn.replace(/[`\\]/g, '\\$&')}\``
  return `SELECT intDiv(toUnixTimestamp(${column}), ${binSeconds}) AS bin, count() AS row_count FROM (\n${inner}\n) GROUP BY bin ORDER BY bin LIMIT ${MAX_BINS + 1}`
}

/**
 * The plan from a {@link histogramQuery} result, or `undefined` when its rows are not `[bin, count]` numbers (the
 * time column was not a time, say): the caller then halves windows as it would without a plan.
 */
export function planFromHistogram(
  result: Pick<HogQLQueryResult, 'results'>,
  binSeconds: number,
  targetRows: number,
  endMs: number,
): WindowPlan | undefined {
  const binMs = binSeconds * 1000
  const bins: Array<{ start: number; rows: number }> = []
  for (const row of result.results) {
    if (!Array.isArray(row)) return undefined
    // Rows whose time is NULL have no bin; they are counted in no window, which only makes a plan optimistic.
    if (row[0] === null) continue
    const bin = Number(row[0])
    const rows = Number(row[1])
    if (!Number.isSafeInteger(bin) || !Number.isSafeInteger(rows) || rows < 0) return undefined
    bins.push({ start: bin * binMs, rows })
  }
  bins.sort((a, b) => a.start - b.start)
  return {
    spanFrom(cursor) {
      let total = 0
      for (const bin of bins) {
        if (bin.start + binMs <= cursor) continue
        if (total > 0 && total + bin.rows > targetRows) return bin.start - cursor
        total += bin.rows
      }
      return endMs - cursor
    },
  }
}
