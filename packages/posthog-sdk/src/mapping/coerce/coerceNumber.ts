import { RejectReason } from '../RejectReason'
import { describeValue, Rejection } from './Rejection'

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Coerces a value to a finite number: JSON numbers, bigints (UInt64/Int64 kept exact by the client; converted here,
 * so values above 2^53 keep about 16 significant digits) and decimal strings (`"12.5"`, `" 3e2 "`). Hex, `NaN`,
 * `Infinity`, booleans and empty strings are refused: a metric must be a number, not something that casts to one.
 * PostHog writes NaN/±Inf floats as `null`, which is refused too.
 * @returns the number, or a {@link Rejection} with reason `not_a_number`.
 */
export function coerceNumber(value: unknown): number | Rejection {
  if (typeof value === 'number') return Number.isFinite(value) ? value : notANumber(value)
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string') {
    const text = value.trim()
    if (DECIMAL.test(text)) {
      const n = Number(text)
      if (Number.isFinite(n)) return n
    }
  }
  return notANumber(value)
}

function notANumber(value: unknown): Rejection {
  return new Rejection(RejectReason.NotANumber, `${describeValue(value)} is not a number.`)
}
