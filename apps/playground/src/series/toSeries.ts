import type { UsagePoint } from '../api/importedDataSchemas'

/** One point of a chart: an instant, its value, and what wrote it. */
export interface SeriesPoint {
  t: number
  value: number
  queryId: string
  runId: string
}

/** Which (query, run) wrote how many points of a series, most recent run first. */
export interface SeriesWriter {
  queryId: string
  runId: string
  points: number
  /** The newest point this run wrote. */
  lastT: number
}

/** One metric's points in time order, with its bounds and writers. */
export interface Series {
  metric: string
  points: SeriesPoint[]
  min: number
  max: number
  first: number
  last: number
  writers: SeriesWriter[]
}

/**
 * Groups usage rows into one series per metric (metrics in code-unit order, points by time), whatever order they
 * came in: the API pages by metric then time, but a chart must not depend on that. Points at the same instant keep
 * the last one seen, as the worker's upsert does.
 * @example toSeries(page.usage).map((s) => s.metric) // ['$pageview', 'feature_used']
 */
export function toSeries(rows: readonly UsagePoint[]): Series[] {
  const byMetric = new Map<string, Map<number, SeriesPoint>>()
  for (const row of rows) {
    const points = byMetric.get(row.metric) ?? new Map<number, SeriesPoint>()
    byMetric.set(row.metric, points)
    points.set(row.timestampMs, { t: row.timestampMs, value: row.value, queryId: row.queryId, runId: row.runId })
  }
  return [...byMetric.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([metric, map]) => {
      const points = [...map.values()].sort((a, b) => a.t - b.t)
      const values = points.map((p) => p.value)
      return {
        metric,
        points,
        min: Math.min(...values),
        max: Math.max(...values),
        first: points[0]?.t ?? 0,
        last: points.at(-1)?.t ?? 0,
        writers: writersOf(points),
      }
    })
}

/** The (query, run) pairs behind points, newest run first (by the newest point each wrote). */
export function writersOf(points: readonly SeriesPoint[]): SeriesWriter[] {
  const writers = new Map<string, SeriesWriter>()
  for (const p of points) {
    const key = `${p.queryId}\u0000${p.runId}`
    const writer = writers.get(key)
    if (writer) {
      writer.points++
      writer.lastT = Math.max(writer.lastT, p.t)
    } else writers.set(key, { queryId: p.queryId, runId: p.runId, points: 1, lastT: p.t })
  }
  return [...writers.values()].sort((a, b) => b.lastT - a.lastT || (a.runId < b.runId ? -1 : 1))
}

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** A UTC date as the charts label it ("Jun 1, 2026"). */
export function formatDay(t: number): string {
  return dateFormat.format(t)
}

/** A value as the charts label it (grouped, at most two decimals). */
export function formatValue(value: number): string {
  return numberFormat.format(value)
}

/** What a screen reader hears for a chart: points, span, range and the latest value. */
export function describeSeries(series: Series): string {
  const count = series.points.length
  const latest = series.points.at(-1)
  if (!latest) return `${series.metric}: no points.`
  const span =
    count === 1 ? `on ${formatDay(series.first)}` : `from ${formatDay(series.first)} to ${formatDay(series.last)}`
  return `${series.metric}: ${count} point${count === 1 ? '' : 's'} ${span}; lowest ${formatValue(series.min)}, highest ${formatValue(series.max)}, latest ${formatValue(latest.value)}.`
}
