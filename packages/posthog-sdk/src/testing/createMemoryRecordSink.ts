import type { QueryType } from '../config/index'
import { NaturalKeyMap } from '../sync/NaturalKeyMap'
import { naturalKey } from '../sync/naturalKey'
import type { RecordSink, SinkBatch, SinkRecordByType } from '../sync/RecordSink'
import { UsageRecordStore } from './UsageRecordStore'

/** Options of {@link createMemoryRecordSink}. */
export interface MemoryRecordSinkOptions {
  /**
   * Offer the columnar product_usage path (`writeColumns`) to the engine. `false` leaves it out, so the engine
   * writes product_usage through `write` with one record per row (to test or measure that path).
   * @default true
   */
  columns?: boolean
  /** Make the write after this many successful writes throw (fault injection). */
  failAfterWrites?: number
  /** The error thrown by the failing write. @default new Error('injected sink failure') */
  error?: Error
}

/**
 * An in-memory {@link RecordSink} with upsert semantics, for tests and examples. It implements both write paths
 * (`write` with records, and `writeColumns` for product_usage) with the same upsert semantics, so runs through either
 * leave the same contents.
 */
export interface MemoryRecordSink extends RecordSink {
  /** Successful `write` and `writeColumns` calls so far. */
  readonly writes: number
  /** Records received so far, duplicates included (what an insert-only sink would hold). */
  readonly received: number
  /** The stored records of a type, ordered by natural key. */
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
    product_usage: new UsageRecordStore(),
    custom_field: new NaturalKeyMap<'custom_field', SinkRecordByType['custom_field']>('custom_field'),
    custom_object: new NaturalKeyMap<'custom_object', SinkRecordByType['custom_object']>('custom_object'),
  }
  let writes = 0
  let received = 0
  const failIfDue = () => {
    if (options.failAfterWrites !== undefined && writes >= options.failAfterWrites) {
      throw options.error ?? new Error('injected sink failure')
    }
  }
  const upsert = (batch: SinkBatch) => {
    switch (batch.type) {
      case 'product_usage':
        stores.product_usage.put(batch.records)
        return
      case 'custom_field':
        for (const r of batch.records) stores.custom_field.set(r, r)
        return
      case 'custom_object':
        for (const r of batch.records) stores.custom_object.set(r, r)
        return
      default:
        batch satisfies never
    }
  }
  const writeColumns: NonNullable<RecordSink['writeColumns']> = async (batch) => {
    failIfDue()
    stores.product_usage.putColumns(batch)
    writes++
    received += batch.length
  }
  const keyed = <R>(records: R[], key: (r: R) => string): Record<string, R> =>
    Object.fromEntries(records.map((r) => [key(r), r]))
  return {
    get writes() {
      return writes
    },
    get received() {
      return received
    },
    async write(batch) {
      failIfDue()
      upsert(batch)
      writes++
      received += batch.records.length
    },
    ...(options.columns === false ? {} : { writeColumns }),
    records<T extends QueryType>(type: T) {
      return stores[type].values() as SinkRecordByType[T][]
    },
    snapshot() {
      return {
        product_usage: keyed(stores.product_usage.values(), naturalKey.product_usage),
        custom_field: keyed(stores.custom_field.values(), naturalKey.custom_field),
        custom_object: keyed(stores.custom_object.values(), naturalKey.custom_object),
      }
    },
    clear() {
      for (const store of Object.values(stores)) store.clear()
      writes = 0
      received = 0
    },
  }
}
