import { RejectReason, type RowReject } from '../mapping/index'
import type { AmbiguousResolution, UnmatchedResolution } from '../resolve/index'

/** What the reject of a row the account index did not resolve to one account says. */
export function resolutionReject(
  row: number,
  column: string,
  accountRef: string,
  resolver: string,
  resolution: UnmatchedResolution | AmbiguousResolution,
): RowReject {
  if (resolution.status === 'unmatched') {
    return {
      row,
      column,
      value: accountRef,
      reason: RejectReason.UnmatchedAccount,
      message: `No account matches ${JSON.stringify(accountRef)} by ${resolver} (${resolution.reason}).`,
    }
  }
  const names = resolution.candidates
    .slice(0, 3)
    .map((c) => `${c.name} (${c.accountId})`)
    .join(', ')
  return {
    row,
    column,
    value: accountRef,
    reason: RejectReason.AmbiguousAccount,
    message: `${JSON.stringify(accountRef)} fits several accounts by ${resolver} (${resolution.reason}): ${names}. Not guessed; use a more precise resolver.`,
  }
}

/** The natural key of each query type, as duplicate rejects name it. */
const KEY_NAMES = {
  product_usage: '(account, metric, timestamp)',
  custom_field: '(account, field)',
  custom_object: '(object type, key)',
} as const

/** The reject of a row whose natural key an earlier row of the run already had (the first one is kept). */
export function duplicateReject(
  type: keyof typeof KEY_NAMES,
  row: number,
  column: string,
  value: string,
  firstRow: number,
): RowReject {
  return {
    row,
    column,
    value,
    reason: RejectReason.DuplicateKey,
    message: `Row ${row} has the same ${KEY_NAMES[type]} as row ${firstRow}; the first is kept. Aggregate or de-duplicate in HogQL.`,
  }
}
