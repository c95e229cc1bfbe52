import type { ProductUsageColumns } from '../sync/ProductUsageColumns'
import type { SinkRecordByType } from '../sync/RecordSink'
import { StringIds } from '../sync/StringIds'
import { DictionaryIds } from './DictionaryIds'
import { RepeatingKeyIndex } from './RepeatingKeyIndex'
import { TimestampKeyIndex } from './TimestampKeyIndex'

type UsageRecord = SinkRecordByType['product_usage']

const INITIAL_CAPACITY = 1024
/** Records of the first write sampled to tell repeating timestamps (aggregations) from distinct ones (events). */
const SAMPLE = 10_000

type KeyIndex = RepeatingKeyIndex | TimestampKeyIndex

/**
 * The in-memory sink's product_usage table: upserts on `(accountId, metric, timestamp)` and keeps each stored record
 * as numbers (its key's index, its account reference's id, row and value in typed arrays), so a write from columns
 * ({@link ProductUsageColumns}) stores a million points with no object per point and no array of pointers for the
 * collector to scan. Account ids, metrics and references are numbered by the store; from columns, the engine's
 * dictionary codes are translated with an array read ({@link DictionaryIds}) instead of hashing a string per record.
 * Records written as objects are stored the same way; `values()` builds the objects when asked.
 *
 * The key index is chosen on the first write, as the engine chooses its duplicate check: when most sampled
 * timestamps repeat (aggregations), a {@link RepeatingKeyIndex}; when most are distinct (per-event rows), a
 * {@link TimestampKeyIndex}. Either is exact; the choice only decides speed.
 */
export class UsageRecordStore {
  private index: KeyIndex | undefined
  private readonly accounts = new StringIds()
  private readonly metrics = new StringIds()
  private readonly refs = new StringIds()
  private readonly accountCodes = new DictionaryIds(this.accounts)
  private readonly metricCodes = new DictionaryIds(this.metrics)
  private readonly refCodes = new DictionaryIds(this.refs)
  private row: Float64Array = new Float64Array(INITIAL_CAPACITY)
  private value: Float64Array = new Float64Array(INITIAL_CAPACITY)
  private ref: Int32Array = new Int32Array(INITIAL_CAPACITY)

  /** Number of stored records (distinct keys). */
  get size(): number {
    return this.index?.size ?? 0
  }

  /** Upserts records, in order. */
  put(records: readonly UsageRecord[]): void {
    this.index ??= indexFor(
      records.map((r) => r.timestamp),
      records.length,
    )
    const { index } = this
    for (const record of records) {
      this.store(
        index,
        record.row,
        this.refs.idOf(record.accountRef),
        this.accounts.idOf(record.accountId),
        this.metrics.idOf(record.metric),
        record.timestamp,
        record.value,
      )
    }
  }

  /** Upserts the records of a column batch, in order. */
  putColumns(batch: ProductUsageColumns): void {
    const { row, timestamp, value, codes, dictionary } = batch
    this.index ??= indexFor(timestamp, batch.length)
    const { index } = this
    for (let i = 0; i < batch.length; i++) {
      this.store(
        index,
        row[i] as number,
        this.refCodes.idOf(dictionary.accountRef, codes.accountRef[i] as number),
        this.accountCodes.idOf(dictionary.accountId, codes.accountId[i] as number),
        this.metricCodes.idOf(dictionary.metric, codes.metric[i] as number),
        timestamp[i] as string,
        value[i] as number,
      )
    }
  }

  /** The stored records, ordered by key (account id, metric, timestamp). */
  values(): UsageRecord[] {
    const { index } = this
    if (!index) return []
    const text = (ids: StringIds, id: number) => ids.textOf(id)
    const order = Array.from({ length: index.size }, (_, i) => i)
    const compare = (p: string, q: string) => (p === q ? 0 : p < q ? -1 : 1)
    order.sort(
      (i, j) =>
        compare(text(this.accounts, index.accountAt(i)), text(this.accounts, index.accountAt(j))) ||
        compare(text(this.metrics, index.metricAt(i)), text(this.metrics, index.metricAt(j))) ||
        compare(index.timestampAt(i), index.timestampAt(j)),
    )
    return order.map((i) => ({
      row: this.row[i] as number,
      accountRef: this.refs.textOf(this.ref[i] as number),
      accountId: this.accounts.textOf(index.accountAt(i)),
      metric: this.metrics.textOf(index.metricAt(i)),
      timestamp: index.timestampAt(i),
      value: this.value[i] as number,
    }))
  }

  clear(): void {
    this.index?.release()
    this.index = undefined
    for (const ids of [this.accounts, this.metrics, this.refs]) ids.clear()
    for (const codes of [this.accountCodes, this.metricCodes, this.refCodes]) codes.clear()
    this.row = new Float64Array(INITIAL_CAPACITY)
    this.value = new Float64Array(INITIAL_CAPACITY)
    this.ref = new Int32Array(INITIAL_CAPACITY)
  }

  private store(
    index: KeyIndex,
    row: number,
    ref: number,
    account: number,
    metric: number,
    timestamp: string,
    value: number,
  ): void {
    const i = index.keyIndex(account, metric, timestamp)
    if (i >= this.row.length) this.grow()
    this.row[i] = row
    this.value[i] = value
    this.ref[i] = ref
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
  return distinct.size * 2 > sample ? new TimestampKeyIndex() : new RepeatingKeyIndex()
}
