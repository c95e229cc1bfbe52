import type { QueryType } from '../config/index'
import type { RecordByType } from '../mapping/index'
import type { ProductUsageColumns } from './ProductUsageColumns'

/** A mapped record with the Statisfy account it resolved to. */
export type Resolved<R> = R & {
  /** The Statisfy account id the row's account reference resolved to. */
  accountId: string
}

/** What the sync writes, per query type. */
export interface SinkRecordByType {
  product_usage: Resolved<RecordByType['product_usage']>
  custom_field: Resolved<RecordByType['custom_field']>
  custom_object: Resolved<RecordByType['custom_object']>
}

/** A batch of records of one query type. */
export interface SinkBatchOf<T extends QueryType> {
  /** The saved query that produced the batch. */
  queryId: string
  type: T
  records: readonly SinkRecordByType[T][]
}

/** A batch of any query type, discriminated by `type`. */
export type SinkBatch = { [T in QueryType]: SinkBatchOf<T> }[QueryType]

/**
 * The port through which the sync writes records into the host. Implement `write` as an **upsert on the natural key**
 * of each type, so that re-running a window writes the same data and never duplicates:
 *
 * | type | natural key | written fields |
 * |---|---|---|
 * | `product_usage` | `(accountId, metric, timestamp)` | `value` |
 * | `custom_field` | `(accountId, field)` | `value` (`null` clears the field) |
 * | `custom_object` | `(objectType, key)` | `accountId`, `attributes` (replaced whole) |
 *
 * Within one run the engine never sends two records with the same natural key (later ones are rejected as
 * `duplicate_key`). A batch is written once; throw to fail the run (the error's message is reported, code `sink_failed`).
 * `accountRef` and `row` are informative (the raw reference and the 1-based result row).
 *
 * @example
 * const sink: RecordSink = {
 *   async write(batch) {
 *     if (batch.type === 'product_usage') await db.usage.upsertMany(batch.records, ['accountId', 'metric', 'timestamp'])
 *   },
 * }
 */
export interface RecordSink {
  write(batch: SinkBatch, options: { signal?: AbortSignal }): Promise<void>
  /**
   * Optional columnar path for product_usage. When a sink implements it, the engine hands product_usage batches
   * here as columns ({@link ProductUsageColumns}) instead of calling `write` with one object per record; custom
   * fields and objects still go to `write`. Same contract as `write` (upsert on `(accountId, metric, timestamp)`,
   * no two records with one key in a run, throw to fail the run), the same records in the same batches, and the
   * run's report is the same on both paths. Worth it for bulk writers (`COPY`, multi-row `INSERT`) and for
   * throughput: building no record per row spares most of the engine's garbage-collection work.
   *
   * The columns are reused for the next batch once the returned promise settles: copy what you keep.
   *
   * @example
   * async writeColumns(batch) {
   *   const rows = []
   *   for (let i = 0; i < batch.length; i++)
   *     rows.push([batch.accountId[i], batch.metric[i], batch.timestamp[i], batch.value[i]])
   *   await db.copyUsage(rows) // upsert on (accountId, metric, timestamp)
   * }
   */
  writeColumns?(batch: ProductUsageColumns, options: { signal?: AbortSignal }): Promise<void>
}
