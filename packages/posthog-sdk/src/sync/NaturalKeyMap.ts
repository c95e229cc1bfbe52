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
 * are cached) and an array read, with no object per key for the garbage collector.
 */
export class NaturalKeyMap<T extends QueryType, V> {
  private readonly ids = [new StringIds(), new StringIds(), new StringIds()] as const
  private keys = new UsageKeySet()
  private entries: V[] = []
  /** The key parts of each entry, for ordered iteration. */
  private parts: [string, string, string][] = []

  constructor(readonly type: T) {}

  /** Number of distinct keys. */
  get size(): number {
    return this.entries.length
  }

  get(record: SinkRecordByType[T]): V | undefined {
    const [a, b, c] = keyParts(record)
    const x = this.ids[0].find(a)
    const y = this.ids[1].find(b)
    const z = this.ids[2].find(c)
    if (x < 0 || y < 0 || z < 0) return undefined
    const slot = this.keys.find(x, y, z)
    return slot === 0 ? undefined : this.entries[slot - 1]
  }

  set(record: SinkRecordByType[T], value: V): void {
    const parts = keyParts(record)
    const slot = this.entries.length + 1
    const found = this.keys.addIfAbsent(
      this.ids[0].idOf(parts[0]),
      this.ids[1].idOf(parts[1]),
      this.ids[2].idOf(parts[2]),
      slot,
    )
    if (found === 0) {
      this.entries.push(value)
      this.parts.push(parts)
    } else {
      this.entries[found - 1] = value
    }
  }

  /** Every value, ordered by key (account or object type, then metric, then timestamp / field / key). */
  values(): V[] {
    const { parts, entries } = this
    const order = entries.map((_, i) => i)
    order.sort((i, j) => compareParts(parts[i] as [string, string, string], parts[j] as [string, string, string]))
    return order.map((i) => entries[i] as V)
  }

  clear(): void {
    for (const ids of this.ids) ids.clear()
    this.keys = new UsageKeySet()
    this.entries = []
    this.parts = []
  }
}

function keyParts(record: SinkRecordByType[QueryType]): [string, string, string] {
  if ('metric' in record) return [record.accountId, record.metric, record.timestamp]
  if ('field' in record) return [record.accountId, '', record.field]
  return [record.objectType, '', record.key]
}

function compareParts(x: [string, string, string], y: [string, string, string]): number {
  for (let i = 0; i < 3; i++) {
    const p = x[i] as string
    const q = y[i] as string
    if (p !== q) return p < q ? -1 : 1
  }
  return 0
}
