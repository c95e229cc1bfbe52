import type { ClickHouseType } from './parseClickHouseType'

const BIG_INTS = new Set(['Int64', 'UInt64', 'Int128', 'UInt128', 'Int256', 'UInt256'])
const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

/**
 * Writes one ClickHouse JSONCompact value (read with 64-bit integers quoted and DateTimes in ISO UTC) as PostHog's
 * renderer would: integers as bare digits (exact beyond 2^53), DateTimes as ISO 8601 with `T`, microseconds only
 * when non-zero, and `Z` for UTC or a `+02:00` offset for other zones; Date as `YYYY-MM-DD`; NaN/Inf as null;
 * tuples as arrays; maps as objects. SRC: DRF `JSONEncoder` (`isoformat()`, `+00:00` → `Z`), `posthog/renderers.py`.
 */
export function serializeValue(value: unknown, type: ClickHouseType): string {
  if (value === null || value === undefined) return 'null'
  switch (type.name) {
    case 'Nullable':
    case 'LowCardinality':
      return serializeValue(value, innerType(type, 0))
    case 'Array':
      return Array.isArray(value)
        ? `[${value.map((v) => serializeValue(v, innerType(type, 0))).join(',')}]`
        : JSON.stringify(value)
    case 'Tuple':
      if (!Array.isArray(value)) return JSON.stringify(value)
      return `[${value.map((v, i) => serializeValue(v, innerType(type, i))).join(',')}]`
    case 'Map': {
      if (typeof value !== 'object') return JSON.stringify(value)
      const entries = Object.entries(value as Record<string, unknown>)
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serializeValue(v, innerType(type, 1))}`).join(',')}}`
    }
    case 'DateTime':
    case 'DateTime64':
      return typeof value === 'string' ? JSON.stringify(isoInZone(value, zoneOf(type))) : JSON.stringify(value)
    default:
      if (BIG_INTS.has(type.name) && typeof value === 'string' && DIGITS.test(value)) return value
      if (typeof value === 'number' && !Number.isFinite(value)) return 'null'
      return JSON.stringify(value)
  }
}

/** The type argument at `i` (`Array(T)`'s T), String when the type names none. */
function innerType(type: ClickHouseType, i: number): ClickHouseType {
  const arg = type.args[i]
  return arg !== undefined && 'type' in arg ? arg.type : { name: 'String', args: [] }
}

const DIGITS = /^-?\d+$/
// ClickHouse's ISO output of a UTC DateTime with whole seconds is already what PostHog writes.
const WHOLE_SECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
// And of a UTC DateTime64 with microseconds (events' `timestamp`), but for a zero fraction, which PostHog leaves out.
const MICROSECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
const ZERO_MICROSECONDS = '.000000Z'

/**
 * A writer for one column, chosen once per result from its type: the same text as {@link serializeValue}, without
 * its per-value work (the type switch, the zone lookup) on the common types, which is measurable at 50,000 rows.
 */
export function valueWriter(type: ClickHouseType): (value: unknown) => string {
  switch (type.name) {
    case 'Nullable':
    case 'LowCardinality': {
      const arg = type.args[0]
      if (arg === undefined || !('type' in arg)) return (value) => serializeValue(value, type)
      const inner = valueWriter(arg.type)
      return (value) => (value === null || value === undefined ? 'null' : inner(value))
    }
    case 'String':
    case 'UUID':
    case 'FixedString':
    case 'Date':
    case 'Date32':
    case 'Enum8':
    case 'Enum16':
      return (value) => JSON.stringify(value ?? null)
    case 'UInt8':
    case 'UInt16':
    case 'UInt32':
    case 'Int8':
    case 'Int16':
    case 'Int32':
      return (value) => (value === null || value === undefined ? 'null' : String(value))
    case 'DateTime':
    case 'DateTime64': {
      const zone = zoneOf(type)
      if (zone !== 'UTC') return (value) => serializeValue(value, type)
      return (value) => {
        if (typeof value !== 'string') return serializeValue(value, type)
        if (WHOLE_SECONDS_UTC.test(value)) return `"${value}"`
        if (MICROSECONDS_UTC.test(value))
          return value.endsWith(ZERO_MICROSECONDS) ? `"${value.slice(0, 19)}Z"` : `"${value}"`
        return serializeValue(value, type)
      }
    }
    default:
      if (BIG_INTS.has(type.name))
        return (value) => (typeof value === 'string' && DIGITS.test(value) ? value : serializeValue(value, type))
      return (value) => serializeValue(value, type)
  }
}

/** The zone a DateTime type names (`DateTime64(6, 'Europe/Berlin')`), UTC when it names none. */
function zoneOf(type: ClickHouseType): string {
  const zoneArg = type.args.find((arg) => 'literal' in arg && !/^\d+$/.test(arg.literal))
  return zoneArg !== undefined && 'literal' in zoneArg ? zoneArg.literal : 'UTC'
}

/** `2025-06-01T00:00:01.123000Z` (ClickHouse ISO output, UTC) → the same instant as PostHog writes it in `zone`. */
export function isoInZone(utcIso: string, zone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(utcIso)
  if (match === null) return utcIso
  const fraction = (match[3] ?? '').padEnd(6, '0').slice(0, 6)
  const micros = /^0*$/.test(fraction) ? '' : `.${fraction}`
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') return `${match[1]}T${match[2]}${micros}Z`
  const ms = Date.parse(`${match[1]}T${match[2]}Z`)
  const offsetMinutes = zoneOffsetMinutes(ms, zone)
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19)
  if (offsetMinutes === 0) return `${local}${micros}Z`
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${local}${micros}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

function zoneOffsetMinutes(ms: number, zone: string): number {
  let formatter = offsetFormatters.get(zone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    offsetFormatters.set(zone, formatter)
  }
  const name = formatter.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (match === null) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}
