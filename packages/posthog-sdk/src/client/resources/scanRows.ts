import { hasUnsafeInteger, isUnsafeNumber } from '../json/parseJsonExact'

/** What {@link scanRows} found: every row fine (and whether a wide integer was rounded), or the first bad row. */
export type RowScan =
  | { readonly kind: 'ok'; readonly unsafe: boolean }
  | { readonly kind: 'not_array'; readonly row: number }
  | { readonly kind: 'width'; readonly row: number; readonly length: number }

/**
 * One pass over a page's rows, checking what the client promises about them: each row is an array, of `width`
 * values when the columns are known (`width > 0`), and no value of a column that can hold integers wider than 53
 * bits came out of `JSON.parse` rounded (`unsafe`; `wideColumns` null when the types are unknown: every cell is
 * checked). One pass rather than one per check, because each pass reads every row `JSON.parse` just wrote, and on
 * narrow rows those memory reads cost a fifth of the parse itself.
 */
export function scanRows(rows: readonly unknown[], width: number, wideColumns: readonly number[] | null): RowScan {
  let unsafe = false
  const wide = wideColumns ?? []
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    if (!Array.isArray(row)) return { kind: 'not_array', row: i }
    if (width > 0 && row.length !== width) return { kind: 'width', row: i, length: row.length }
    if (unsafe) continue
    if (wideColumns === null) {
      unsafe = hasUnsafeInteger(row)
      continue
    }
    for (let k = 0; k < wide.length; k++) {
      const value: unknown = row[wide[k] as number]
      // Numbers (most cells) are told here; nested values (arrays, tuples, maps) are walked.
      if (typeof value === 'number' ? isUnsafeNumber(value) : typeof value === 'object' && hasUnsafeInteger(value)) {
        unsafe = true
        break
      }
    }
  }
  return { kind: 'ok', unsafe }
}
