import type { QueryType } from '../config/index'
import type { SinkRecordByType } from './RecordSink'

// U+0000 cannot occur in ids PostHog or the host hand us in practice, so it separates key parts unambiguously.
const SEP = '\u0000'

/**
 * The natural key of a record as one string: `(accountId, metric, timestamp)` for product_usage, `(accountId, field)`
 * for custom_field, `(objectType, key)` for custom_object. Upserts on it make re-runs idempotent; the engine rejects a
 * second record with the same key in one run as `duplicate_key`.
 */
export const naturalKey: { [T in QueryType]: (record: SinkRecordByType[T]) => string } = {
  product_usage: (r) => r.accountId + SEP + r.metric + SEP + r.timestamp,
  custom_field: (r) => r.accountId + SEP + r.field,
  custom_object: (r) => r.objectType + SEP + r.key,
}
