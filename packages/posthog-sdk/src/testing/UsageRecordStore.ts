import { NaturalKeyMap } from '../sync/NaturalKeyMap'
import type { ProductUsageColumns } from '../sync/ProductUsageColumns'
import type { SinkRecordByType } from '../sync/RecordSink'
import { StringIds } from '../sync/StringIds'
import { TimestampKeyIndex } from './TimestampKeyIndex'

type UsageRecord = SinkRecordByType['product_usage']

const INITIAL_CAPACITY = 1024
/** Records of the first write sampled to tell repeating timestamps (aggregations) from distinct ones (events). */
const SAMPLE = 10_000

type KeyIndex = Pick<TimestampKeyIndex, 'size' | 'keyIndex' | 'keyAt' | 'order'>

/**
 * The in-memory sink's product_usage table: upserts on `(accountId, metric, timestamp)` and keeps each stored record
 * as numbers (its key's index, its account reference's id, row and value in typed arrays), so a write from columns
 * ({@link ProductUsageColumns}) stores a million points with no object per point and no array of pointers for the
 * collector to scan. Records written as objects are stored the same way; `values()` builds the objects when asked.
 *
 * The key index is chosen on the first write, as the engine chooses its duplicate check: when most sampled
 * timestamps repeat (aggregations), a {@link NaturalKeyMap} numbering each part; when most are distinct (per-event
 * rows), a {@link TimestampKeyIndex}. Either is exact; the choice only decides speed.
 */
export class UsageRecordStore {
  private index: KeyIndex | undefined
  private readonly refs = new StringIds()
  private row: Float64Array = new Float64Array(INITIAL_CAPACITY)
  private value: Float64Array = new Float64Array(INITIAL_CAPACITY)
  private ref: Int32Array = new Int32Array(INITIAL_CAPACITY)

  /** Number of stored records (distinct keys). */
  get size(): number {
    return this.index?.size ?? 0
  }

  /** Upserts one record. */
  put(record: UsageRecord): void {
    this.index ??= new NaturalKeyMap<'product_usage', never>('product_usage')
    this.store(record.row, record.accountRef, record.accountId, record.metric, record.timestamp, record.value)
  }

  /** Upserts the records of a column batch, in order. */
  putColumns(batch: ProductUsageColumns): void {
    const { row, accountRef, accountId, metric, timestamp, value } = batch
    this.index ??= indexFor(timestamp, batch.length)
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
    const { index } = this
    if (!index) return []
    return index.order().map((i) => {
      const [accountId, metric, timestamp] = index.keyAt(i)
      return {
        row: this.row[i] as number,
        accountRef: this.refs.textOf(this.ref[i] as number),
        accountId,
        metric,
        timestamp,
        value: this.value[i] as number,
      }
    })
  }

  clear(): void {
    this.index = undefined
    this.refs.clear()
    this.row = new Float64Array(INITIAL_CAPACITY)
    this.value = new Float64Array(INITIAL_CAPACITY)
    this.ref = new Int32Array(INITIAL_CAPACITY)
  }

  private store(row: number, accountRef: string, accountId: string, metric: string, timestamp: string, value: number) {
    const i = (this.index as KeyIndex).keyIndex(accountId, metric, timestamp)
    if (i >= this.row.length) this.grow()
    this.row[i] = row
    this.value[i] = value
    this.ref[i] = this.refs.idOf(accountRef)
  }

  private grow(): void {
    const row = new Float64Array(this.row.length * 2)
    const value = new Float64Array(row.length)
    const ref = new Int32Array(row.length)
    row.set(this.row)
    value.set(this.value)
    ref.set(this.ref)
    this.row = row
    this.value = value
    this.ref = ref
  }
}

/** The key index suited to a first batch's timestamps: by text when more than half of a sample are distinct. */
function indexFor(timestamps: readonly string[], length: number): KeyIndex {
  const sample = Math.min(length, SAMPLE)
  const distinct = new Set<string>()
  for (let i = 0; i < sample; i++) distinct.add(timestamps[i] as string)
  return distinct.size * 2 > sample
    ? new TimestampKeyIndex()
    : new NaturalKeyMap<'product_usage', never>('product_usage')
}
