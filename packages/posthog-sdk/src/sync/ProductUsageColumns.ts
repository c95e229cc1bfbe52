/**
 * A batch of product_usage records as columns (struct of arrays), what {@link RecordSink.writeColumns} receives:
 * record `i` is `{ row: row[i], accountRef: accountRef[i], accountId: accountId[i], metric: metric[i],
 * timestamp: timestamp[i], value: value[i] }` for `0 <= i < length`, the same records, in the same order and batch
 * boundaries, as `write` would receive them. It is the shape a bulk writer wants (a multi-row `INSERT`, `COPY`, an
 * Arrow or Parquet writer) and it spares the engine one object per row, which is most of its cost.
 *
 * **The arrays are reused**: only the first `length` entries belong to this batch (the arrays may be longer), and
 * the engine overwrites them with the next batch once the promise returned by `writeColumns` settles. Copy what you
 * keep. Strings are shared: every row of one account id, reference, metric or timestamp carries the same string.
 */
export interface ProductUsageColumns {
  /** The saved query that produced the batch. */
  readonly queryId: string
  readonly type: 'product_usage'
  /** Number of records in the batch. */
  readonly length: number
  /** 1-based row of the query result each record came from. */
  readonly row: Uint32Array
  /** The raw account reference read from the account column (trimmed). */
  readonly accountRef: readonly string[]
  /** The Statisfy account id the reference resolved to. */
  readonly accountId: readonly string[]
  /** Metric name: the label column's value or the mapping's fixed name. */
  readonly metric: readonly string[]
  /**
   * UTC instant as an ISO 8601 string ending in `Z`: PostHog's own form as it sent it (with its microseconds), any
   * other input as `Date.prototype.toISOString()` writes it.
   */
  readonly timestamp: readonly string[]
  /**
   * The same instant in milliseconds since the epoch, `Date.parse(timestamp[i])` (sub-millisecond digits dropped):
   * for a store that keeps times as numbers rather than a string per record.
   */
  readonly epochMs: Float64Array
  readonly value: Float64Array
  /**
   * The string columns dictionary-encoded, as an Arrow dictionary array is: `accountRef[i] ===
   * dictionary.accountRef[codes.accountRef[i]]`, likewise `accountId` and `metric`. The engine numbers each distinct
   * value once per run, so a store can translate a code with an array read instead of hashing a string per record.
   */
  readonly codes: UsageColumnCodes
  /**
   * The values of the codes. A dictionary belongs to the run: it only grows from batch to batch, and a code keeps
   * its value for the whole run (a new run starts new dictionaries). Read, do not modify.
   */
  readonly dictionary: UsageDictionary
}

/** The codes of {@link ProductUsageColumns.codes}, one per record. */
export interface UsageColumnCodes {
  readonly accountRef: Uint32Array
  readonly accountId: Uint32Array
  readonly metric: Uint32Array
}

/** The values of {@link ProductUsageColumns.dictionary}, by code. */
export interface UsageDictionary {
  readonly accountRef: readonly string[]
  readonly accountId: readonly string[]
  readonly metric: readonly string[]
}
