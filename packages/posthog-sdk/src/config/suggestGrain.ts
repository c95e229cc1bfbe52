import type { AggregationGrain } from './aggregationGrain'

// HogQL/ClickHouse bucketing functions whose grain does not depend on their arguments.
const FIXED: Record<string, AggregationGrain> = {
  tostartofhour: 'hour',
  tostartofday: 'day',
  todate: 'day',
  toyyyymmdd: 'day',
  tomonday: 'week_monday',
  tostartofisoweek: 'week_monday',
  tostartofmonth: 'month',
  toyyyymm: 'month',
}
// dateTrunc's unit; ClickHouse truncates 'week' to Monday.
const TRUNC_UNITS: Record<string, AggregationGrain> = {
  hour: 'hour',
  day: 'day',
  week: 'week_monday',
  month: 'month',
}

/**
 * Suggests the {@link AggregationGrain} a HogQL query buckets its rows into, from the functions it calls:
 * `toStartOfHour`, `toStartOfDay`/`toDate`, `toMonday`/`toStartOfISOWeek`, `toStartOfWeek(x[, mode])` (even mode or
 * none = Sunday, odd = Monday), `toStartOfMonth`, `dateTrunc('hour'|'day'|'week'|'month', x)`,
 * `toStartOfInterval(x, INTERVAL 1 HOUR|DAY|WEEK|MONTH)` (or `toIntervalDay(1)`; a week from Monday). Comments, strings and
 * quoted names are ignored.
 * Returns `undefined` when the query calls none of them, or calls ones of different grains (then no single
 * suggestion is safe; the person chooses). A suggestion, not a check: the grain a query is saved with is theirs.
 *
 * @example suggestGrain('SELECT toStartOfDay(timestamp) AS day, count() FROM events GROUP BY day') // 'day'
 */
export function suggestGrain(hogql: string): AggregationGrain | undefined {
  const text = withoutCommentsAndStrings(hogql)
  const found = new Set<AggregationGrain | 'unknown'>()
  // The end of the last bucketing call's arguments: calls inside them (toStartOfWeek(toDate(x))) do not set the grain.
  let insideUntil = -1
  for (const call of text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) {
    const name = call[1]!.toLowerCase()
    const argsAt = call.index + call[0].length
    if (call.index < insideUntil) continue
    let grain: AggregationGrain | 'unknown' | undefined = Object.hasOwn(FIXED, name) ? FIXED[name] : undefined
    if (name === 'tostartofweek') grain = weekGrain(callArgs(text, argsAt).args[1])
    else if (name === 'tostartofinterval') grain = intervalGrain(callArgs(text, argsAt).args[1])
    else if (name === 'datetrunc' || name === 'date_trunc') {
      const unit = /^\s*'(\w+)'/.exec(text.slice(argsAt))?.[1]
      if (unit) grain = unitGrain(unit)
    }
    if (grain === undefined) continue
    found.add(grain)
    insideUntil = callArgs(text, argsAt).end
  }
  found.delete('unknown')
  return found.size === 1 ? (found.values().next().value as AggregationGrain) : undefined
}

// Comments and quoted text out, in one left-to-right pass so that '--' or '/*' inside a string (a LIKE pattern) is not
// taken for a comment, nor a function name inside a string or a quoted alias for a call. A one-word string stays: it
// may be dateTrunc's unit.
function withoutCommentsAndStrings(hogql: string): string {
  return hogql.replace(
    /'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*"|`(?:[^`\\]|\\[\s\S]|``)*`|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g,
    (token) => (/^'\w+'$/.test(token) ? token : ' '),
  )
}

// toStartOfWeek's mode: the first day is Sunday for even modes (the default 0) and Monday for odd ones.
function weekGrain(mode: string | undefined): AggregationGrain | 'unknown' {
  if (mode === undefined) return 'week_sunday'
  const literal = /^\s*(\d+)\s*$/.exec(mode)?.[1]
  if (literal === undefined) return 'unknown'
  return Number(literal) % 2 === 1 ? 'week_monday' : 'week_sunday'
}

// toStartOfInterval's interval: `INTERVAL 1 DAY` or `toIntervalDay(1)`. One hour, day, week (from Monday, as
// ClickHouse starts it) or month is a grain; other lengths and units are not one of ours.
function intervalGrain(interval: string | undefined): AggregationGrain | 'unknown' {
  const text = interval?.trim() ?? ''
  const literal = /^interval\s+(\d+)\s+([a-z]+)$/i.exec(text)
  const call = /^tointerval([a-z]+)\s*\(\s*(\d+)\s*\)$/i.exec(text)
  const [count, unit] = literal ? [literal[1], literal[2]] : call ? [call[2], call[1]] : []
  return count !== undefined && unit !== undefined && Number(count) === 1 ? unitGrain(unit) : 'unknown'
}

// A dateTrunc or interval unit's grain (own keys only: 'constructor' is no unit).
function unitGrain(unit: string): AggregationGrain | 'unknown' {
  const key = unit.toLowerCase()
  return Object.hasOwn(TRUNC_UNITS, key) ? (TRUNC_UNITS[key] as AggregationGrain) : 'unknown'
}

// The comma-separated arguments of the call whose text starts at `from` (just past its `(`), and the index of its `)`
// (the text's end when it is not closed).
function callArgs(text: string, from: number): { args: string[]; end: number } {
  const args: string[] = []
  let depth = 0
  let start = from
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0) {
        args.push(text.slice(start, i))
        return { args, end: i }
      }
      depth--
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i))
      start = i + 1
    }
  }
  return { args, end: text.length }
}
