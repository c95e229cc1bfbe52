import type { Catalog, QueryType, TypedMapping } from '../config/index'
import type { MapOutput } from './compile/CompiledMapping'
import { compileMapping } from './compile/compileMapping'
import type { QueryResultLike } from './QueryResultLike'
import type { RecordByType } from './records'

/** Records and rejects of a whole result, discriminated by query type. */
export type MapResult = { [T in QueryType]: { type: T } & MapOutput<RecordByType[T]> }[QueryType]

/**
 * Maps every row of a result with a saved mapping (compiled once). Row numbers in records and rejects are 1-based
 * positions in `result.rows`.
 * @throws MappingError before any row is mapped when a mapped column is missing or the mapping does not fit the catalog.
 * @example
 * const { records, rejects } = mapResult(definition, { columns, types, rows }, catalog)
 */
export function mapResult(definition: TypedMapping, result: QueryResultLike, catalog: Catalog): MapResult {
  const compiled = compileMapping(definition, result, catalog)
  switch (compiled.type) {
    case 'product_usage': {
      const out: MapOutput<RecordByType['product_usage']> = { records: [], rejects: [] }
      for (let i = 0; i < result.rows.length; i++) compiled.mapRow(result.rows[i] ?? [], i + 1, out)
      return { type: compiled.type, ...out }
    }
    case 'custom_field': {
      const out: MapOutput<RecordByType['custom_field']> = { records: [], rejects: [] }
      for (let i = 0; i < result.rows.length; i++) compiled.mapRow(result.rows[i] ?? [], i + 1, out)
      return { type: compiled.type, ...out }
    }
    case 'custom_object': {
      const out: MapOutput<RecordByType['custom_object']> = { records: [], rejects: [] }
      for (let i = 0; i < result.rows.length; i++) compiled.mapRow(result.rows[i] ?? [], i + 1, out)
      return { type: compiled.type, ...out }
    }
    default:
      return compiled satisfies never
  }
}
