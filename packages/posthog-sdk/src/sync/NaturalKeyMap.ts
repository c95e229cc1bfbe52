import type { QueryType } from '../config/index'
import type { SinkRecordByType } from './RecordSink'
import { StringIds } from './StringIds'
import { UsageKeySet } from './UsageKeySet'

/**
 * A map keyed by a record's natural key: product_usage `(accountId, metric, timestamp)`, custom_field
 * `(accountId, field)`, custom_object `(objectType, key)`. Upserts on these keys make re-runs idempotent.
 *
 * Each key part is numbered once per distinct string and the key kept as three ids in a {@link UsageKeySet}, which
 * maps it to the value's slot: an upsert is three `Map` lookups on strings the engine's records share (their hashes
 * are cached) and a few array reads, with no object per key for the garbage collector.
 */
export class NaturalKeyMap<T extends QueryType, V> {
  private readonly first = new StringIds()
  private readonly second = new StringIds()
  private readonly third = new StringIds()
  private readonly keys = new UsageKeySet()
  private entries: V[] = []
  private count = 0
  /** The key part ids of each entry, `[a, b, c]` at `3 * slot`, for ordered iteration. */
  private partIds = new Int32Array(3 * 1024)

  constructor(readonly type: T) {}

  /** Number of distinct keys. */
  get size(): number {
    return this.count
  }

  get(record: SinkRecordByType[T]): V | undefined {
    const r: SinkRecordByType[QueryType] = record
    let a: number
    let b: number
    let c: number
    if ('metric' in r) {
      a = this.first.find(r.accountId)
      b = this.second.find(r.metric)
      c = this.third.find(r.timestamp)
    } else if ('field' in r) {
      a = this.first.find(r.accountId)
      b = 0
      c = this.third.find(r.field)
    } else {
      a = this.first.find(r.objectType)
      b = 0
      c = this.third.find(r.key)
    }
    if (a < 0 || b < 0 || c < 0) return undefined
    const slot = this.keys.find(a, b, c)
    return slot === 0 ? undefined : this.entries[slot - 1]
  }

  set(record: SinkRecordByType[T], value: V): void {
    const r: SinkRecordByType[QueryType] = record
    if ('metric' in r) this.entries[this.keyIndex(r.accountId, r.metric, r.timestamp)] = value
    else if ('field' in r) this.entries[this.keyIndex(r.accountId, '', r.field)] = value
    else this.entries[this.keyIndex(r.objectType, '', r.key)] = value
  }

  /**
   * The index (0, 1, 2, ... in order of first sight) of the key `(first, second, third)`, added when absent, for a
   * caller that keeps values in its own columns (custom fields and objects pass `''` as `second`).
   */
  keyIndex(first: string, second: string, third: string): number {
    const a = this.first.idOf(first)
    const b = this.second.idOf(second)
    const c = this.third.idOf(third)
    const index = this.count
    const found = this.keys.addIfAbsent(a, b, c, index + 1)
    if (found !== 0) return found - 1
    this.count++
    if (this.partIds.length < 3 * (index + 1)) {
      const grown = new Int32Array(this.partIds.length * 2)
      grown.set(this.partIds)
      this.partIds = grown
    }
    this.partIds[3 * index] = a
    this.partIds[3 * index + 1] = b
    this.partIds[3 * index + 2] = c
    return index
  }

  /** The key of an index from {@link keyIndex}: `[first, second, third]`. */
  keyAt(index: number): [string, string, string] {
    const { partIds } = this
    return [
      this.first.textOf(partIds[3 * index] as number),
      this.second.textOf(partIds[3 * index + 1] as number),
      this.third.textOf(partIds[3 * index + 2] as number),
    ]
  }

  /** Every value, ordered by key (account or object type, then metric, then timestamp / field / key). */
  values(): V[] {
    return this.order().map((i) => this.entries[i] as V)
  }

  /** Every key index (see {@link keyIndex}), ordered by key as {@link values}. */
  order(): number[] {
    const { partIds } = this
    const parts = [this.first, this.second, this.third]
    const order = Array.from({ length: this.count }, (_, i) => i)
    order.sort((i, j) => {
      for (let k = 0; k < 3; k++) {
        const x = partIds[3 * i + k] as number
        const y = partIds[3 * j + k] as number
        // Custom fields and objects have no middle part: its id is the same for all, so it never orders them.
        if (x === y) continue
        const p = (parts[k] as StringIds).textOf(x)
        const q = (parts[k] as StringIds).textOf(y)
        return p < q ? -1 : 1
      }
      return 0
    })
    return order
  }

  clear(): void {
    this.first.clear()
    this.second.clear()
    this.third.clear()
    this.keys.release()
    this.entries = []
    this.count = 0
    this.partIds = new Int32Array(3 * 1024)
  }
}
