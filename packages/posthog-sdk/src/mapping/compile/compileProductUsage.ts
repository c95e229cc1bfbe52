import type { ProductUsageQuery } from '../../config/index'
import { CoercionCache } from '../coerce/CoercionCache'
import { coerceNumber } from '../coerce/coerceNumber'
import { coerceIdentifier } from '../coerce/coerceText'
import { coerceTimestamp } from '../coerce/coerceTimestamp'
import type { Rejection } from '../coerce/Rejection'
import { RejectReason } from '../RejectReason'
import type { CompiledProductUsage, ProductUsageCells } from './CompiledMapping'
import type { BoundColumn } from './resultColumns'
import { toReject } from './toReject'

/**
 * Compiles a product_usage mapping: account, metric (column or fixed name), timestamp and numeric value per row.
 * Account references, metric names and timestamps are coerced once per distinct raw value ({@link CoercionCache}),
 * so mapping a row is three `Map` lookups and a number check.
 */
export function compileProductUsage(
  definition: Pick<ProductUsageQuery, 'mapping'>,
  column: (name: string) => BoundColumn,
): CompiledProductUsage {
  const { mapping } = definition
  const account = column(mapping.account.column)
  const value = column(mapping.valueColumn)
  const timestamp = column(mapping.timestampColumn)
  const label = 'column' in mapping.metric ? column(mapping.metric.column) : null
  const accountRefs = new CoercionCache((raw) =>
    coerceIdentifier(raw, RejectReason.MissingAccount, 'account reference'),
  )
  const fixedMetric = 'name' in mapping.metric ? mapping.metric.name : ''
  const metrics = new CoercionCache(
    label ? (raw) => coerceIdentifier(raw, RejectReason.MissingMetric, 'metric name') : () => fixedMetric,
  )
  // A fixed metric name is id 0: rows without a label column all read it.
  if (!label) metrics.idOf(fixedMetric)
  const timestamps = new CoercionCache((raw) => coerceTimestamp(raw, timestamp.type))
  const cellReject = (row: readonly unknown[], rowNumber: number, bound: BoundColumn, rejection: Rejection) =>
    toReject(rowNumber, bound.name, row[bound.index], rejection)

  const cells: ProductUsageCells = {
    account: account.index,
    metric: label ? label.index : -1,
    timestamp: timestamp.index,
    value: value.index,
    accountRefs,
    metrics,
    timestamps,
    reject(row, rowNumber, ref, metric, at) {
      // The first bad cell in mapping order: account, metric, timestamp, value.
      if (ref < 0) return cellReject(row, rowNumber, account, accountRefs.rejectionOf(ref))
      if (metric < 0 && label) return cellReject(row, rowNumber, label, metrics.rejectionOf(metric))
      if (at < 0) return cellReject(row, rowNumber, timestamp, timestamps.rejectionOf(at))
      const n = coerceNumber(row[value.index])
      if (typeof n === 'number') throw new Error(`Row ${rowNumber} has no bad cell to reject.`)
      return cellReject(row, rowNumber, value, n)
    },
  }
  return {
    type: 'product_usage',
    cells,
    mapRow(row, rowNumber, out) {
      const ref = accountRefs.idOf(row[account.index])
      const metric = label ? metrics.idOf(row[label.index]) : 0
      const at = timestamps.idOf(row[timestamp.index])
      const n = coerceNumber(row[value.index])
      if (ref < 0 || metric < 0 || at < 0 || typeof n !== 'number') {
        out.rejects.push(cells.reject(row, rowNumber, ref, metric, at))
        return
      }
      out.records.push({
        row: rowNumber,
        accountRef: accountRefs.valueOf(ref),
        metric: metrics.valueOf(metric),
        timestamp: timestamps.valueOf(at),
        value: n,
      })
    },
  }
}
