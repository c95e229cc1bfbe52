import { RejectReason } from '../RejectReason'
import { describeValue, Rejection } from './Rejection'

/**
 * Coerces a value to text for a string field or attribute: strings as they are; numbers, bigints and booleans
 * printed; `Date` as ISO; arrays, tuples and maps as JSON. An integer above 2^53 that arrived as a JSON number is
 * refused (`unsafe_integer`): it was rounded before we saw it.
 */
export function coerceText(value: unknown): string | Rejection {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return safeIntegerText(value)
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString()
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v))
}

/**
 * Coerces a value that identifies something (an account reference, a record key, a metric or field name) to a
 * trimmed, non-empty string. Null, empty text, NaN, ±Infinity and objects are refused with `missing` (the caller's reason, e.g.
 * `missing_account`); an integer above 2^53 that arrived as a JSON number with `unsafe_integer`.
 */
export function coerceIdentifier(value: unknown, missing: RejectReason, what: string): string | Rejection {
  let text: string | Rejection | undefined
  if (typeof value === 'string') text = value.trim()
  // NaN and ±Infinity name nothing: refused like an empty value rather than matched as the text "NaN".
  else if (typeof value === 'number') text = Number.isFinite(value) ? safeIntegerText(value) : undefined
  else if (typeof value === 'bigint') text = String(value)
  if (text instanceof Rejection) return text
  if (text) return text
  return new Rejection(missing, `${describeValue(value)} is not a usable ${what}.`)
}

function safeIntegerText(value: number): string | Rejection {
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return new Rejection(
      RejectReason.UnsafeInteger,
      `${value} is above 2^53 and was rounded when the JSON was parsed; select it as text in HogQL, e.g. toString(column).`,
    )
  }
  return String(value)
}
