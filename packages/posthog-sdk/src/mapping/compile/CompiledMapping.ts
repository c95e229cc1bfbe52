import type { QueryType } from '../../config/index'
import type { CoercionCache } from '../coerce/CoercionCache'
import type { RowReject } from '../RowReject'
import type { RecordByType } from '../records'

/** Where a compiled mapping puts what it maps: records to write, and rejects. */
export interface MapOutput<R> {
  records: R[]
  rejects: RowReject[]
}

/** A mapping bound to one result's columns and types, with its coercers built. */
export interface CompiledMappingOf<T extends QueryType> {
  readonly type: T
  /**
   * Maps one row (`rowNumber` is 1-based over the whole result) and pushes its record(s) or reject(s) into `out`.
   * A row gives one record, except the wide custom-field form: one record per mapped field, and a bad cell rejects
   * only that field.
   */
  mapRow(row: readonly unknown[], rowNumber: number, out: MapOutput<RecordByType[T]>): void
}

/**
 * The cells of a product_usage row, for a caller that maps rows itself without building the intermediate record
 * (the sync engine builds the resolved record directly). Column positions, the caches that coerce account
 * references, metric names and timestamps to numbered values, and the reject of a row with a bad cell.
 */
export interface ProductUsageCells {
  /** Column positions in each row; `metric` is -1 with a fixed metric name (then metric id 0 is that name). */
  readonly account: number
  readonly metric: number
  readonly timestamp: number
  readonly value: number
  readonly accountRefs: CoercionCache
  readonly metrics: CoercionCache
  readonly timestamps: CoercionCache
  /**
   * The reject of a row whose account, metric or timestamp id is negative or whose value is not a number: the
   * first bad cell in mapping order (account, metric, timestamp, value), as `mapRow` reports it.
   */
  reject(row: readonly unknown[], rowNumber: number, ref: number, metric: number, at: number): RowReject
}

/** A compiled product_usage mapping, with its {@link ProductUsageCells}. */
export interface CompiledProductUsage extends CompiledMappingOf<'product_usage'> {
  readonly cells: ProductUsageCells
}

/** A compiled mapping of any query type, discriminated by `type`. */
export type CompiledMapping =
  | CompiledProductUsage
  | CompiledMappingOf<'custom_field'>
  | CompiledMappingOf<'custom_object'>
