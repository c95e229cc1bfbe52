import type { QueryType } from '../config/index'
import { naturalKey } from '../sync/naturalKey'
import type { RecordSink, SinkBatch, SinkRecordByType } from '../sync/RecordSink'

/** Options of {@link createMemoryRecordSink}. */
export interface MemoryRecordSinkOptions {
  /** Make the write after this many successful writes throw (fault injection). */
  failAfterWrites?: number
  /** The error thrown by the failing write. @default new Error('injected sink failure') */
  error?: Error
}

/** An in-memory {@link RecordSink} with upsert semantics, for tests and examples. */
export interface MemoryRecordSink extends RecordSink {
  /** Successful `write` calls so far. */
  readonly writes: number
  /** Records received so far, duplicates included (what an insert-only sink would hold). */
  readonly received: number
  /** The stored records of a type, sorted by natural key. */
  records<T extends QueryType>(type: T): SinkRecordByType[T][]
  /** Stored records of every type, keyed by natural key (handy for `toEqual` across runs). */
  snapshot(): { [T in QueryType]: Record<string, SinkRecordByType[T]> }
  /** Removes everything. */
  clear(): void
}

/**
 * An in-memory sink that upserts on each type's natural key (product_usage `(accountId, metric, timestamp)`,
 * custom_field `(accountId, field)`, custom_object `(objectType, key)`), the way a host's sink must, so idempotency
 * is testable: run a sync twice and the contents are the same.
 * @example
 * const sink = createMemoryRecordSink()
 * await runSync(definition, { client, sink, catalog, directory })
 * sink.records('product_usage')
 */
export function createMemoryRecordSink(options: MemoryRecordSinkOptions = {}): MemoryRecordSink {
  const stores = {
    product_usage: new Map<string, SinkRecordByType['product_usage']>(),
    custom_field: new Map<string, SinkRecordByType['custom_field']>(),
    custom_object: new Map<string, SinkRecordByType['custom_object']>(),
  }
  let writes = 0
  let received = 0
  const upsert = (batch: SinkBatch) => {
    switch (batch.type) {
      case 'product_usage':
        for (const r of batch.records) stores.product_usage.set(naturalKey.product_usage(r), r)
        return
      case 'custom_field':
        for (const r of batch.records) stores.custom_field.set(naturalKey.custom_field(r), r)
        return
      case 'custom_object':
        for (const r of batch.records) stores.custom_object.set(naturalKey.custom_object(r), r)
        return
      default:
        batch satisfies never
    }
  }
  const sorted = <R>(store: Map<string, R>) => [...store].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    get writes() {
      return writes
    },
    get received() {
      return received
    },
    async write(batch) {
      if (options.failAfterWrites !== undefined && writes >= options.failAfterWrites) {
        throw options.error ?? new Error('injected sink failure')
      }
      upsert(batch)
      writes++
      received += batch.records.length
    },
    records<T extends QueryType>(type: T) {
      const store = stores[type] as Map<string, SinkRecordByType[T]>
      return sorted(store).map(([, record]) => record)
    },
    snapshot() {
      return {
        product_usage: Object.fromEntries(sorted(stores.product_usage)),
        custom_field: Object.fromEntries(sorted(stores.custom_field)),
        custom_object: Object.fromEntries(sorted(stores.custom_object)),
      }
    },
    clear() {
      for (const store of Object.values(stores)) store.clear()
      writes = 0
      received = 0
    },
  }
}
