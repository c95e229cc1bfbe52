import { IdTripleIndex } from '../sync/IdTripleIndex'
import { StringIds } from '../sync/StringIds'

/**
 * Numbers product_usage keys `(account, metric, timestamp)` 0, 1, 2, ... in order of first sight, for keys whose
 * timestamps repeat (aggregations): timestamps are numbered (a few distinct strings, which the engine shares between
 * records, so their hashes are cached) and the key kept as three ids in an {@link IdTripleIndex}.
 */
export class RepeatingKeyIndex {
  private readonly keys = new IdTripleIndex()
  private readonly timestamps = new StringIds()

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.size
  }

  /** The index of the key, added when absent. */
  keyIndex(account: number, metric: number, timestamp: string): number {
    return this.keys.indexOf(account, metric, this.timestamps.idOf(timestamp))
  }

  /** The account id of a key index. */
  accountAt(index: number): number {
    return this.keys.partAt(index, 0)
  }

  /** The metric id of a key index. */
  metricAt(index: number): number {
    return this.keys.partAt(index, 1)
  }

  /** The timestamp of a key index. */
  timestampAt(index: number): string {
    return this.timestamps.textOf(this.keys.partAt(index, 2))
  }

  /** Gives the key set's memory back to the engine's pool; the index must not be used afterwards. */
  release(): void {
    this.keys.release()
  }
}
