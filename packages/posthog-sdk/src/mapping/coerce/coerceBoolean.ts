import { RejectReason } from '../RejectReason'
import { describeValue, Rejection } from './Rejection'

const TRUE_TEXT = new Set(['true', '1', 'yes', 't', 'y'])
const FALSE_TEXT = new Set(['false', '0', 'no', 'f', 'n'])

/**
 * Coerces a value to a boolean: `true`/`false`, `1`/`0` (ClickHouse `UInt8`/`Bool` as numbers or bigints), and the
 * strings true/false, 1/0, yes/no, t/f, y/n in any case (person and group properties are often strings).
 * @returns the boolean, or a {@link Rejection} with reason `bad_boolean`.
 */
export function coerceBoolean(value: unknown): boolean | Rejection {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  if (value === 1n || value === 0n) return value === 1n
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase()
    if (TRUE_TEXT.has(text)) return true
    if (FALSE_TEXT.has(text)) return false
  }
  return new Rejection(
    RejectReason.BadBoolean,
    `${describeValue(value)} is not a boolean (use true/false, 1/0 or yes/no).`,
  )
}
