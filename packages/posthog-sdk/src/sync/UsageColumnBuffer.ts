import type { ProductUsageColumns, UsageColumnCodes, UsageDictionary } from './ProductUsageColumns'

/**
 * The reusable columns of the `writeColumns` path: a fixed capacity (the batch size), filled row by row and
 * emptied once the sink has written them. Allocates nothing per row: numbers and codes go into typed arrays,
 * strings (shared by the mapping's caches) into arrays created once at full length.
 */
export class UsageColumnBuffer implements ProductUsageColumns {
  readonly type = 'product_usage'
  length = 0
  readonly row: Uint32Array
  readonly accountRef: string[]
  readonly accountId: string[]
  readonly metric: string[]
  readonly timestamp: string[]
  readonly epochMs: Float64Array
  readonly value: Float64Array
  readonly codes: UsageColumnCodes

  /** @param dictionary the run's dictionaries, which {@link add}'s codes index */
  constructor(
    readonly queryId: string,
    readonly capacity: number,
    readonly dictionary: UsageDictionary,
  ) {
    this.row = new Uint32Array(capacity)
    this.value = new Float64Array(capacity)
    this.epochMs = new Float64Array(capacity)
    this.codes = {
      accountRef: new Uint32Array(capacity),
      accountId: new Uint32Array(capacity),
      metric: new Uint32Array(capacity),
    }
    // Filled with strings up front so that V8 keeps them as packed arrays of one element kind.
    this.accountRef = Array.from({ length: capacity }, () => '')
    this.accountId = Array.from({ length: capacity }, () => '')
    this.metric = Array.from({ length: capacity }, () => '')
    this.timestamp = Array.from({ length: capacity }, () => '')
  }

  /** Room left before the batch is full. */
  get room(): number {
    return this.capacity - this.length
  }

  /**
   * Appends one record, its strings given by their codes (the caller checks {@link room}); {@link decode} fills in
   * the strings, the caller `epochMs[i]` at the index returned. Kept small so that V8 inlines it into the engine's
   * loops: a double passed to or returned from a call that is not inlined is boxed in a heap object, i.e. allocates
   * per row.
   */
  add(row: number, ref: number, account: number, metric: number, timestamp: string, value: number): number {
    const i = this.length++
    const { codes } = this
    this.row[i] = row
    codes.accountRef[i] = ref
    codes.accountId[i] = account
    codes.metric[i] = metric
    this.timestamp[i] = timestamp
    this.value[i] = value
    return i
  }

  /** Fills the string columns from the codes (before the batch is handed out). */
  decode(): void {
    const { codes, dictionary } = this
    for (let i = 0; i < this.length; i++) {
      this.accountRef[i] = dictionary.accountRef[codes.accountRef[i] as number] as string
      this.accountId[i] = dictionary.accountId[codes.accountId[i] as number] as string
      this.metric[i] = dictionary.metric[codes.metric[i] as number] as string
    }
  }
}
