import type { QueryType } from '../../config/index'
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

/** A compiled mapping of any query type, discriminated by `type`. */
export type CompiledMapping = { [T in QueryType]: CompiledMappingOf<T> }[QueryType]
