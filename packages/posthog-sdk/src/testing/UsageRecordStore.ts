import { NaturalKeyMap } from '../sync/NaturalKeyMap'
import type { ProductUsageColumns } from '../sync/ProductUsageColumns'
import type { SinkRecordByType } from '../sync/RecordSink'

type UsageRecord = SinkRecordByType['product_usage']

const INITIAL_CAPACITY = 1024

/**
 * The in-memory sink's product_usage table: upserts on `(accountId, metric, timestamp)` and keeps each stored record
 * as columns, so a write from columns ({@link ProductUsageColumns}) stores a million points with no object per point.
 * Records written as objects are stored the same way; `records()` builds the objects when asked.
 */
export class UsageRecordStore {
  private readonly keys = new NaturalKeyMap<'product_usage', never>('product_usage')
  private row: Float64Array = new Float64Array(INITIAL_CAPACITY)
  private value: Float64Array = new Float64Array(INITIAL_CAPACITY)
  private readonly accountRef: string[] = []
  private readonly accountId: string[] = []
  private readonly metric: string[] = []
  private readonly timestamp: string[] = []

  /** Number of stored records (distinct keys). */
  get size(): number {
    return this.keys.size
  }

  /** Upserts one record. */
  put(record: UsageRecord): void {
    this.store(record.row, record.accountRef, record.accountId, record.metric, record.timestamp, record.value)
  }

  /** Upserts the records of a column batch, in order. */
  putColumns(batch: ProductUsageColumns): void {
    const { row, accountRef, accountId, metric, timestamp, value } = batch
    for (let i = 0; i < batch.length; i++) {
      this.store(
        row[i] as number,
        accountRef[i] as string,
        accountId[i] as string,
        metric[i] as string,
        timestamp[i] as string,
        value[i] as number,
      )
    }
  }

  /** The stored records, ordered by key (account id, metric, timestamp). */
  values(): UsageRecord[] {
    return this.keys.order().map((i) => ({
      row: this.row[i] as number,
      accountRef: this.accountRef[i] as string,
      accountId: this.accountId[i] as string,
      metric: this.metric[i] as string,
      timestamp: this.timestamp[i] as string,
      value: this.value[i] as number,
    }))
  }

  clear(): void {
    this.keys.clear()
    this.row = new Float64Array(INITIAL_CAPACITY)
    this.value = new Float64Array(INITIAL_CAPACITY)
    this.accountRef.length = 0
    this.accountId.length = 0
    this.metric.length = 0
    this.timestamp.length = 0
  }

  private store(row: number, accountRef: string, accountId: string, metric: string, timestamp: string, value: number) {
    const i = this.keys.keyIndex(accountId, metric, timestamp)
    if (i >= this.row.length) {
      this.row = grown(this.row)
      this.value = grown(this.value)
    }
    this.row[i] = row
    this.value[i] = value
    // A new key's index is the next one, so these arrays grow without holes.
    this.accountRef[i] = accountRef
    this.accountId[i] = accountId
    this.metric[i] = metric
    this.timestamp[i] = timestamp
  }
}

function grown(array: Float64Array): Float64Array {
  const next = new Float64Array(array.length * 2)
  next.set(array)
  return next
}
