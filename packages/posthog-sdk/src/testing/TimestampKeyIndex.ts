import { StringIds } from '../sync/StringIds'
import { TimestampKeySet } from '../sync/TimestampKeySet'

/**
 * Numbers product_usage keys `(accountId, metric, timestamp)` 0, 1, 2, ... in order of first sight, for keys whose
 * timestamps hardly repeat (per-event rows): account ids and metrics are numbered (few distinct strings), and the
 * timestamp is read as integers by the engine's {@link TimestampKeySet}, where a `Map` of a million distinct
 * timestamp strings would hash each one whole and grow a table the size of the data. Same contract as
 * `NaturalKeyMap.keyIndex`/`keyAt`/`order`.
 */
export class TimestampKeyIndex {
  private readonly keys = new TimestampKeySet()
  private readonly accounts = new StringIds()
  private readonly metrics = new StringIds()
  private readonly timestamps: string[] = []
  private accountOf = new Int32Array(1024)
  private metricOf = new Int32Array(1024)

  /** Number of distinct keys. */
  get size(): number {
    return this.timestamps.length
  }

  /** The index of the key, added when absent. */
  keyIndex(accountId: string, metric: string, timestamp: string): number {
    const account = this.accounts.idOf(accountId)
    const metricId = this.metrics.idOf(metric)
    const index = this.timestamps.length
    // The key set keeps a positive number per key: here the key's index + 1.
    const known = this.keys.addIfAbsent(account, metricId, timestamp, index + 1)
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
    this.metricOf[index] = metricId
    this.timestamps.push(timestamp)
    return index
  }

  /** The key of an index from {@link keyIndex}: `[accountId, metric, timestamp]`. */
  keyAt(index: number): [string, string, string] {
    return [
      this.accounts.textOf(this.accountOf[index] as number),
      this.metrics.textOf(this.metricOf[index] as number),
      this.timestamps[index] as string,
    ]
  }

  /** Every key index, ordered by account id, metric, then timestamp. */
  order(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i)
    const compare = (p: string, q: string) => (p === q ? 0 : p < q ? -1 : 1)
    return order.sort((i, j) => {
      const [a, m, t] = this.keyAt(i)
      const [b, n, u] = this.keyAt(j)
      return compare(a, b) || compare(m, n) || compare(t, u)
    })
  }
}
