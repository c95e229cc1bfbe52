import type { QueryType } from '../config/index'
import { IdTripleIndex } from './IdTripleIndex'
import type { SinkRecordByType } from './RecordSink'
import { StringIds } from './StringIds'

/** The three parts of a key, in ordering priority. */
const PARTS = [0, 1, 2] as const

/**
 * A map keyed by a record's natural key: product_usage `(accountId, metric, timestamp)`, custom_field
 * `(accountId, field)`, custom_object `(objectType, key)`. Upserts on these keys make re-runs idempotent.
 *
 * Each key part is numbered once per distinct string and the key kept as three ids in an {@link IdTripleIndex}, which
 * numbers it for the value's slot: an upsert is three `Map` lookups on strings the engine's records share (their hashes
 * are cached) and a few array reads, with no object per key for the garbage collector.
 */
export class NaturalKeyMap<T extends QueryType, V> {
  private readonly first = new StringIds()
  private readonly second = new StringIds()
  private readonly third = new StringIds()
  /** The key part ids, numbered; an entry's index is its key's number. */
  private readonly keys = new IdTripleIndex()
  private entries: V[] = []

  constructor(readonly type: T) {}

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.size
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
    const index = this.keys.find(a, b, c)
    return index < 0 ? undefined : this.entries[index]
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
    return this.keys.indexOf(this.first.idOf(first), this.second.idOf(second), this.third.idOf(third))
  }

  /** The key of an index from {@link keyIndex}: `[first, second, third]`. */
  keyAt(index: number): [string, string, string] {
    const { keys } = this
    return [
      this.first.textOf(keys.partAt(index, 0)),
      this.second.textOf(keys.partAt(index, 1)),
      this.third.textOf(keys.partAt(index, 2)),
    ]
  }

  /** Every value, ordered by key (account or object type, then metric, then timestamp / field / key). */
  values(): V[] {
    return this.order().map((i) => this.entries[i] as V)
  }

  /** Every key index (see {@link keyIndex}), ordered by key as {@link values}. */
  order(): number[] {
    const { keys } = this
    const parts = [this.first, this.second, this.third]
    const order = Array.from({ length: keys.size }, (_, i) => i)
    order.sort((i, j) => {
      for (const k of PARTS) {
        const x = keys.partAt(i, k)
        const y = keys.partAt(j, k)
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
  }
}
