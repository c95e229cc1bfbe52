import type { RejectReason } from '../RejectReason'

/**
 * A value that could not be coerced. Coercers return either the coerced value or a `Rejection`, so the common
 * (valid) path allocates nothing beyond the value itself.
 */
export class Rejection {
  constructor(
    readonly reason: RejectReason,
    readonly message: string,
  ) {}
}

/** Renders a raw value for a message: strings quoted, long ones cut. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty (null)'
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : JSON.stringify(truncate(value))
  if (typeof value === 'bigint') return `${value}`
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString()
  if (typeof value === 'object') return truncate(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}` : v)))
  return String(value)
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
