import type { QueryType } from '../config/index'
import type { SinkRecordByType } from './RecordSink'

type Leaf<V> = Map<string, V>

/**
 * A map keyed by a record's natural key: product_usage `(accountId, metric, timestamp)`, custom_field
 * `(accountId, field)`, custom_object `(objectType, key)`. Upserts on these keys make re-runs idempotent; the engine
 * uses one to reject a second record with the same key in a run as `duplicate_key`.
 *
 * Nested maps rather than one map over joined strings: the parts are strings the records already hold, whose hashes
 * V8 caches, so a lookup allocates nothing (a joined key costs a new string and its hash on every row).
 */
export class NaturalKeyMap<T extends QueryType, V> {
  private readonly root = new Map<string, Map<string, Leaf<V>>>()
  private count = 0

  constructor(readonly type: T) {}

  /** Number of distinct keys. */
  get size(): number {
    return this.count
  }

  get(record: SinkRecordByType[T]): V | undefined {
    const r: SinkRecordByType[QueryType] = record
    if ('metric' in r) return this.root.get(r.accountId)?.get(r.metric)?.get(r.timestamp)
    if ('field' in r) return this.root.get(r.accountId)?.get('')?.get(r.field)
    return this.root.get(r.objectType)?.get('')?.get(r.key)
  }

  set(record: SinkRecordByType[T], value: V): void {
    const r: SinkRecordByType[QueryType] = record
    if ('metric' in r) this.put(r.accountId, r.metric, r.timestamp, value)
    else if ('field' in r) this.put(r.accountId, '', r.field, value)
    else this.put(r.objectType, '', r.key, value)
  }

  private put(a: string, b: string, c: string, value: V): void {
    let level = this.root.get(a)
    if (level === undefined) {
      level = new Map()
      this.root.set(a, level)
    }
    let leaf = level.get(b)
    if (leaf === undefined) {
      leaf = new Map()
      level.set(b, leaf)
    }
    const before = leaf.size
    leaf.set(c, value)
    this.count += leaf.size - before
  }

  /** Every value, ordered by key (account or object type, then metric, then timestamp / field / key). */
  values(): V[] {
    const out: V[] = []
    for (const [, level] of sortedByKey(this.root)) {
      for (const [, leaf] of sortedByKey(level)) for (const [, value] of sortedByKey(leaf)) out.push(value)
    }
    return out
  }

  clear(): void {
    this.root.clear()
    this.count = 0
  }
}

function sortedByKey<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
}
