import type { Catalog, TypedMapping } from '../../config/index'
import type { ResultHeader } from '../QueryResultLike'
import type { CompiledMapping } from './CompiledMapping'
import { checkCatalog } from './checkCatalog'
import { compileCustomField } from './compileCustomField'
import { compileCustomObject } from './compileCustomObject'
import { compileProductUsage } from './compileProductUsage'
import { bindColumns } from './resultColumns'

/**
 * Compiles a saved mapping against one result's columns and types and the host's catalog: column positions and
 * coercers are worked out once, so mapping a row is a few array reads and coercions.
 * @throws MappingError `missing_columns` when the result lacks a mapped column (all missing names and the available
 *   columns are listed), `catalog_mismatch` when the mapping does not fit the catalog. Both before any row is mapped.
 * @example
 * const compiled = compileMapping(definition, result, catalog)
 * const out = { records: [], rejects: [] }
 * result.rows.forEach((row, i) => compiled.mapRow(row, i + 1, out))
 */
export function compileMapping(definition: TypedMapping, header: ResultHeader, catalog: Catalog): CompiledMapping {
  const column = bindColumns(definition, header)
  checkCatalog(definition, catalog)
  switch (definition.type) {
    case 'product_usage':
      return compileProductUsage(definition, column)
    case 'custom_field':
      return compileCustomField(definition, column, catalog.customFields)
    case 'custom_object': {
      const objectType = catalog.objectTypes.find((t) => t.key === definition.mapping.objectType)
      if (!objectType) throw new Error(`Object type "${definition.mapping.objectType}" is not in the catalog.`)
      return compileCustomObject(definition, column, objectType)
    }
    default:
      return definition satisfies never
  }
}
