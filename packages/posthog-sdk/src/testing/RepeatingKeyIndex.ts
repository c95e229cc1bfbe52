import { StringIds } from '../sync/StringIds'
import { UsageKeySet } from '../sync/UsageKeySet'

/**
 * Numbers product_usage keys `(account, metric, timestamp)` 0, 1, 2, ... in order of first sight, for keys whose
 * timestamps repeat (aggregations): timestamps are numbered (a few distinct strings, which the engine shares between
 * records, so their hashes are cached) and the key kept as three ids in the engine's {@link UsageKeySet}.
 */
export class RepeatingKeyIndex {
  private readonly keys = new UsageKeySet()
  private readonly timestamps = new StringIds()
  /** `[account, metric, timestamp id]` at `3 * index`. */
  private parts = new Int32Array(3 * 1024)
  private count = 0

  /** Number of distinct keys. */
  get size(): number {
    return this.count
  }

  /** The index of the key, added when absent. */
  keyIndex(account: number, metric: number, timestamp: string): number {
    const at = this.timestamps.idOf(timestamp)
    const index = this.count
    const known = this.keys.addIfAbsent(account, metric, at, index + 1)
    if (known !== 0) return known - 1
    if (this.parts.length < 3 * (index + 1)) {
      const grown = new Int32Array(this.parts.length * 2)
      grown.set(this.parts)
      this.parts = grown
    }
    this.parts[3 * index] = account
    this.parts[3 * index + 1] = metric
    this.parts[3 * index + 2] = at
    this.count++
    return index
  }

  /** The account id of a key index. */
  accountAt(index: number): number {
    return this.parts[3 * index] as number
  }

  /** The metric id of a key index. */
  metricAt(index: number): number {
    return this.parts[3 * index + 1] as number
  }

  /** The timestamp of a key index. */
  timestampAt(index: number): string {
    return this.timestamps.textOf(this.parts[3 * index + 2] as number)
  }

  /** Gives the key set's memory back to the engine's pool; the index must not be used afterwards. */
  release(): void {
    this.keys.release()
  }
}
