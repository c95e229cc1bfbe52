import * as z from 'zod'
import type { BinaryOp, Expr } from './ast'
import { queryError } from './HogQLError'

const propertyFilterSchema = z.looseObject({
  key: z.string(),
  value: z.unknown().optional(),
  operator: z.string().default('exact'),
  type: z.string().default('event'),
})

/** HogQLFilters of a HogQLQuery: used only where the SQL contains `{filters}`. */
export const hogqlFiltersSchema = z.looseObject({
  properties: z.array(propertyFilterSchema).optional(),
  dateRange: z.looseObject({ date_from: z.string().nullish(), date_to: z.string().nullish() }).nullish(),
  filterTestAccounts: z.boolean().nullish(),
})

/** Parsed `filters`. */
export type HogQLFilters = z.output<typeof hogqlFiltersSchema>

type Position = { start: number; end: number }

const constant = (value: string | number, at: Position): Expr => ({
  kind: 'constant',
  value: typeof value === 'number' ? { number: String(value) } : value,
  ...at,
})
const field = (chain: string[], at: Position): Expr => ({ kind: 'field', chain, ...at })
const binary = (op: BinaryOp, left: Expr, right: Expr, at: Position): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
  ...at,
})

/**
 * The expression PostHog substitutes for `{filters}`: property filters, `timestamp >= date_from` and
 * `timestamp < date_to` (ISO dates, or relative ones like `-7d`, `-24h`, `mStart`), `true` when empty.
 * SRC: PostHog/posthog `posthog/hogql/filters.py` (ReplaceFilters), `posthog/utils.py` (relative_date_parse).
 * @throws {HogQLError} for property filter types or operators the emulator does not implement.
 */
export function filtersExpr(filters: HogQLFilters, timezone: string, now: number, at: Position): Expr {
  const exprs: Expr[] = []
  for (const property of filters.properties ?? []) exprs.push(propertyExpr(property, at))
  const timestamp = field(['timestamp'], at)
  const from = filters.dateRange?.date_from
  if (from && from !== 'all') exprs.push(binary('greaterOrEquals', timestamp, dateExpr(from, timezone, now, at), at))
  const to = filters.dateRange?.date_to
  if (to) exprs.push(binary('less', timestamp, dateExpr(to, timezone, now, at), at))
  if (exprs.length === 0) return { kind: 'constant', value: true, ...at }
  if (exprs.length === 1) return exprs[0]!
  return { kind: 'and', exprs, ...at }
}

function propertyExpr(property: z.output<typeof propertyFilterSchema>, at: Position): Expr {
  const base = property.type === 'person' ? ['person', 'properties'] : property.type === 'event' ? ['properties'] : null
  if (base === null)
    throw queryError(`The emulator supports event and person property filters, not "${property.type}".`, at)
  const left = field([...base, property.key], at)
  const value = property.value
  const scalar = (v: unknown): Expr => {
    if (typeof v === 'number') return constant(v, at)
    if (typeof v === 'string' || typeof v === 'boolean') return constant(String(v), at)
    throw queryError(`Unsupported value for property filter "${property.key}".`, at)
  }
  const list = Array.isArray(value) ? value : [value]
  switch (property.operator) {
    case 'exact':
    case 'is_not': {
      const op = property.operator === 'exact' ? 'in' : 'notIn'
      return binary(op, left, { kind: 'tuple', items: list.map(scalar), ...at }, at)
    }
    case 'icontains':
    case 'not_icontains':
      return binary(
        property.operator === 'icontains' ? 'ilike' : 'notILike',
        left,
        constant(`%${String(value)}%`, at),
        at,
      )
    case 'regex':
    case 'not_regex':
      return binary(property.operator === 'regex' ? 'match' : 'notMatch', left, scalar(value), at)
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const ops = { gt: 'greater', gte: 'greaterOrEquals', lt: 'less', lte: 'lessOrEquals' } as const
      const number: Expr = {
        kind: 'call',
        name: 'toFloat',
        args: [left],
        params: null,
        distinct: false,
        over: null,
        ...at,
      }
      return binary(ops[property.operator], number, scalar(Number(value)), at)
    }
    case 'is_set':
    case 'is_not_set':
      return { kind: 'isNull', expr: left, negated: property.operator === 'is_set', ...at }
    default:
      throw queryError(`The emulator does not support the property filter operator "${property.operator}".`, at)
  }
}

const RELATIVE = /^(-?\d+)?([hdwmqysHDWMQY])(Start|End)?$/

/**
 * The UTC wall time of an ISO date with an offset: PostHog keeps its instant (`astimezone`), so dropping the offset
 * would shift the bound by it.
 */
function utcOf(text: string): string {
  const [, date, time = '00:00:00', fraction = '', offset] =
    /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/.exec(text) ?? []
  const zone = offset === 'Z' || offset === undefined ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`
  const seconds = time.length === 5 ? `${time}:00` : time
  const ms = Date.parse(`${date}T${seconds}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`)
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
}

/** A date bound as a DateTime constant in the project's zone. */
function dateExpr(text: string, timezone: string, now: number, at: Position): Expr {
  const iso = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)
  let local: string
  if (iso && /(Z|[+-]\d{2}:?\d{2})$/.test(text)) local = utcOf(text)
  else if (iso) local = text.replace('T', ' ')
  else {
    const match = RELATIVE.exec(text)
    if (match === null)
      throw queryError(`Unable to parse date "${text}". Use an ISO date or a relative one like -7d.`, at)
    local = relativeDate(Number(match[1] ?? 0), match[2]!, match[3] as 'Start' | 'End' | undefined, timezone, now)
  }
  const zone = iso && /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? 'UTC' : timezone
  return {
    kind: 'call',
    name: 'toDateTime',
    args: [constant(local, at), constant(zone, at)],
    params: null,
    distinct: false,
    over: null,
    ...at,
  }
}

function relativeDate(
  amount: number,
  unit: string,
  position: 'Start' | 'End' | undefined,
  timezone: string,
  now: number,
): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  )
  const date = new Date(
    Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ),
  )
  // PostHog: `m` is months, `M` minutes, `s` seconds (utils.py get_delta_mapping_for).
  const lower = unit === 'M' ? 'M' : unit.toLowerCase()
  if (lower === 'M' || lower === 's') {
    if (lower === 'M') date.setUTCMinutes(date.getUTCMinutes() + amount)
    else date.setUTCSeconds(date.getUTCSeconds() + amount)
    return date.toISOString().replace('T', ' ').replace('Z', '')
  }
  if (lower === 'h') date.setUTCHours(date.getUTCHours() + amount)
  else if (lower === 'd') date.setUTCDate(date.getUTCDate() + amount)
  else if (lower === 'w') date.setUTCDate(date.getUTCDate() + 7 * amount)
  else if (lower === 'm') date.setUTCMonth(date.getUTCMonth() + amount)
  else if (lower === 'q') date.setUTCMonth(date.getUTCMonth() + 3 * amount)
  else date.setUTCFullYear(date.getUTCFullYear() + amount)
  if (lower !== 'h') date.setUTCHours(0, 0, 0, 0)
  if (position !== undefined) {
    if (lower === 'w') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
    if (lower === 'm' || lower === 'q' || lower === 'y') date.setUTCDate(1)
    if (lower === 'y') date.setUTCMonth(0)
    if (position === 'End') date.setUTCHours(23, 59, 59, 999)
  }
  return date.toISOString().replace('T', ' ').replace('Z', '')
}
