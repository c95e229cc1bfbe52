import type { ProductUsageColumns } from './ProductUsageColumns'

/**
 * The reusable columns of the `writeColumns` path: a fixed capacity (the batch size), filled row by row and
 * emptied once the sink has written them. Allocates nothing per row: numbers go into typed arrays, strings (shared
 * by the mapping's caches) into arrays created once at full length.
 */
export class UsageColumnBuffer implements ProductUsageColumns {
  readonly type = 'product_usage'
  length = 0
  readonly row: Uint32Array
  readonly accountRef: string[]
  readonly accountId: string[]
  readonly metric: string[]
  readonly timestamp: string[]
  readonly value: Float64Array

  constructor(
    readonly queryId: string,
    readonly capacity: number,
  ) {
    this.row = new Uint32Array(capacity)
    this.value = new Float64Array(capacity)
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

  /** Appends one record (the caller checks {@link room}). */
  add(row: number, accountRef: string, accountId: string, metric: string, timestamp: string, value: number): void {
    const i = this.length++
    this.row[i] = row
    this.accountRef[i] = accountRef
    this.accountId[i] = accountId
    this.metric[i] = metric
    this.timestamp[i] = timestamp
    this.value[i] = value
  }
}
