import type { RecordByType } from '../mapping/index'
import type { SinkRecordByType } from './RecordSink'

/** The query types whose records are mapped first and resolved after (product_usage builds its record in one go). */
type MappedType = 'custom_field' | 'custom_object'

/**
 * A mapped custom-field or custom-object record with its resolved account, built field by field: an object spread
 * here is several times slower on large runs, and every record of a type gets the same hidden class.
 */
export const withAccount: {
  [T in MappedType]: (record: RecordByType[T], accountId: string) => SinkRecordByType[T]
} = {
  custom_field: (r, accountId) => ({ row: r.row, accountRef: r.accountRef, accountId, field: r.field, value: r.value }),
  custom_object: (r, accountId) => ({
    row: r.row,
    accountRef: r.accountRef,
    accountId,
    objectType: r.objectType,
    key: r.key,
    attributes: r.attributes,
  }),
}
