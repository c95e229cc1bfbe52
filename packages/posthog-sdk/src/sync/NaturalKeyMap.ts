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
  private keys = new UsageKeySet()
  private entries: V[] = []
  /** The key part ids of each entry, `[a, b, c]` at `3 * slot`, for ordered iteration. */
  private partIds = new Int32Array(3 * 1024)

  constructor(readonly type: T) {}

  /** Number of distinct keys. */
  get size(): number {
    return this.entries.length
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
    let a: number
    let b = 0
    let c: number
    if ('metric' in r) {
      a = this.first.idOf(r.accountId)
      b = this.second.idOf(r.metric)
      c = this.third.idOf(r.timestamp)
    } else if ('field' in r) {
      a = this.first.idOf(r.accountId)
      c = this.third.idOf(r.field)
    } else {
      a = this.first.idOf(r.objectType)
      c = this.third.idOf(r.key)
    }
    const index = this.entries.length
    const found = this.keys.addIfAbsent(a, b, c, index + 1)
    if (found !== 0) {
      this.entries[found - 1] = value
      return
    }
    this.entries.push(value)
    if (this.partIds.length < 3 * (index + 1)) {
      const grown = new Int32Array(this.partIds.length * 2)
      grown.set(this.partIds)
      this.partIds = grown
    }
    this.partIds[3 * index] = a
    this.partIds[3 * index + 1] = b
    this.partIds[3 * index + 2] = c
  }

  /** Every value, ordered by key (account or object type, then metric, then timestamp / field / key). */
  values(): V[] {
    const { partIds, entries } = this
    const parts = [this.first, this.second, this.third]
    const order = entries.map((_, i) => i)
    order.sort((i, j) => {
      for (let k = 0; k < 3; k++) {
        const x = partIds[3 * i + k] as number
        const y = partIds[3 * j + k] as number
        // Custom fields and objects have no middle part: its id is 0 for all, so it never orders them.
        if (x === y) continue
        const p = (parts[k] as StringIds).textOf(x)
        const q = (parts[k] as StringIds).textOf(y)
        return p < q ? -1 : 1
      }
      return 0
    })
    return order.map((i) => entries[i] as V)
  }

  clear(): void {
    this.first.clear()
    this.second.clear()
    this.third.clear()
    this.keys = new UsageKeySet()
    this.entries = []
    this.partIds = new Int32Array(3 * 1024)
  }
}
