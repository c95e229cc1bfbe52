import type { Rejection } from '../coerce/Rejection'
import type { RowReject } from '../RowReject'

/** A {@link RowReject} for `column` of row `row`, from a coercer's rejection. */
export function toReject(row: number, column: string, value: unknown, rejection: Rejection): RowReject {
  return { row, column, value, reason: rejection.reason, message: `Column "${column}": ${rejection.message}` }
}
