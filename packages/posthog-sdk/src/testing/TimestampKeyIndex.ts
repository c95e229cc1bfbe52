import { TimestampKeySet } from '../sync/TimestampKeySet'

/**
 * Numbers product_usage keys `(account, metric, timestamp)` 0, 1, 2, ... in order of first sight, for keys whose
 * timestamps hardly repeat (per-event rows): account and metric arrive as the store's ids, and the timestamp is read
 * as integers by the engine's {@link TimestampKeySet}, where a `Map` of a million distinct timestamp strings would
 * hash each one whole and grow a table the size of the data.
 */
export class TimestampKeyIndex {
  private readonly keys = new TimestampKeySet()
  private readonly timestamps: string[] = []
  private accountOf = new Int32Array(1024)
  private metricOf = new Int32Array(1024)

  /** Number of distinct keys. */
  get size(): number {
    return this.timestamps.length
  }

  /** The index of the key, added when absent. */
  keyIndex(account: number, metric: number, timestamp: string): number {
    const index = this.timestamps.length
    // The key set keeps a positive number per key: here the key's index + 1.
    const known = this.keys.addIfAbsent(account, metric, timestamp, index + 1)
    if (known !== 0) return known - 1
    if (index >= this.accountOf.length) {
      const accountOf = new Int32Array(index * 2)
      const metricOf = new Int32Array(index * 2)
      accountOf.set(this.accountOf)
      metricOf.set(this.metricOf)
      this.accountOf = accountOf
      this.metricOf = metricOf
    }
    this.accountOf[index] = account
    this.metricOf[index] = metric
    this.timestamps.push(timestamp)
    return index
  }

  /** The account id of a key index. */
  accountAt(index: number): number {
    return this.accountOf[index] as number
  }

  /** The metric id of a key index. */
  metricAt(index: number): number {
    return this.metricOf[index] as number
  }

  /** The timestamp of a key index. */
  timestampAt(index: number): string {
    return this.timestamps[index] as string
  }

  /** Gives the key set's memory back to the engine's pool; the index must not be used afterwards. */
  release(): void {
    this.keys.release()
  }
}
