import { coerceIdentifier } from '../coerce/coerceText'
import { Rejection } from '../coerce/Rejection'
import type { RejectReason } from '../RejectReason'
import type { RowReject } from '../RowReject'
import type { BoundColumn } from './resultColumns'
import { toReject } from './toReject'

/**
 * The identifier (account reference, record key) in `bound`'s cell of a row, or `undefined` after pushing the
 * row's reject: a row without it cannot be written at all.
 */
export function readIdentifier(
  row: readonly unknown[],
  rowNumber: number,
  bound: BoundColumn,
  reason: RejectReason,
  what: string,
  rejects: RowReject[],
): string | undefined {
  const raw = row[bound.index]
  const value = coerceIdentifier(raw, reason, what)
  if (value instanceof Rejection) {
    rejects.push(toReject(rowNumber, bound.name, raw, value))
    return undefined
  }
  return value
}
