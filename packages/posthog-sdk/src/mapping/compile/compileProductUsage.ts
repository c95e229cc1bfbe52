import type { ProductUsageQuery } from '../../config/index'
import { coerceNumber } from '../coerce/coerceNumber'
import { coerceIdentifier } from '../coerce/coerceText'
import { coerceTimestamp } from '../coerce/coerceTimestamp'
import { Rejection } from '../coerce/Rejection'
import { RejectReason } from '../RejectReason'
import type { CompiledMappingOf } from './CompiledMapping'
import type { BoundColumn } from './resultColumns'
import { toReject } from './toReject'

/** Compiles a product_usage mapping: account, metric (column or fixed name), timestamp and numeric value per row. */
export function compileProductUsage(
  definition: Pick<ProductUsageQuery, 'mapping'>,
  column: (name: string) => BoundColumn,
): CompiledMappingOf<'product_usage'> {
  const { mapping } = definition
  const account = column(mapping.account.column)
  const value = column(mapping.valueColumn)
  const timestamp = column(mapping.timestampColumn)
  const label = 'column' in mapping.metric ? column(mapping.metric.column) : null
  const fixedMetric = 'name' in mapping.metric ? mapping.metric.name : ''
  return {
    type: 'product_usage',
    mapRow(row, rowNumber, out) {
      const ref = coerceIdentifier(row[account.index], RejectReason.MissingAccount, 'account reference')
      if (ref instanceof Rejection) {
        out.rejects.push(toReject(rowNumber, account.name, row[account.index], ref))
        return
      }
      let metric = fixedMetric
      if (label) {
        const named = coerceIdentifier(row[label.index], RejectReason.MissingMetric, 'metric name')
        if (named instanceof Rejection) {
          out.rejects.push(toReject(rowNumber, label.name, row[label.index], named))
          return
        }
        metric = named
      }
      const at = coerceTimestamp(row[timestamp.index], timestamp.type)
      if (at instanceof Rejection) {
        out.rejects.push(toReject(rowNumber, timestamp.name, row[timestamp.index], at))
        return
      }
      const n = coerceNumber(row[value.index])
      if (n instanceof Rejection) {
        out.rejects.push(toReject(rowNumber, value.name, row[value.index], n))
        return
      }
      out.records.push({ row: rowNumber, accountRef: ref, metric, timestamp: at, value: n })
    },
  }
}
