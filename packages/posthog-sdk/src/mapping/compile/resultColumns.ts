import { mappedColumns, type TypedMapping } from '../../config/index'
import { type ColumnType, parseColumnType, UNKNOWN_COLUMN_TYPE } from '../ColumnType'
import { MappingError, MappingErrorCode } from '../MappingError'
import type { ResultHeader } from '../QueryResultLike'

/** A result column a mapping reads: its position in each row and its parsed ClickHouse type. */
export interface BoundColumn {
  readonly name: string
  readonly index: number
  readonly type: ColumnType
}

/**
 * Binds every column the mapping reads to its position in the result, or throws a `missing_columns`
 * {@link MappingError} naming all missing columns and the available ones, so nothing is written for that query.
 */
export function bindColumns(definition: TypedMapping, header: ResultHeader): (name: string) => BoundColumn {
  const indexes = new Map<string, number>()
  header.columns.forEach((name, index) => {
    if (!indexes.has(name)) indexes.set(name, index)
  })
  const types = new Map<string, string>()
  header.types?.forEach((entry, index) => {
    if (typeof entry === 'string') {
      const name = header.columns[index]
      if (name !== undefined && !types.has(name)) types.set(name, entry)
    } else if (!types.has(entry[0])) types.set(entry[0], entry[1])
  })

  const missing = [...new Set(mappedColumns(definition).map((c) => c.column))].filter((name) => !indexes.has(name))
  if (missing.length > 0) {
    const names = missing.map((name) => `"${name}"`).join(', ')
    const available = header.columns.map((name) => `"${name}"`).join(', ') || '(none)'
    throw new MappingError(
      MappingErrorCode.MissingColumns,
      `The query result has no column ${names}, which the mapping uses. Available columns: ${available}. ` +
        'Alias the column in HogQL (`... AS name`) or change the mapping.',
      { missingColumns: missing, availableColumns: header.columns },
    )
  }
  return (name) => {
    const index = indexes.get(name)
    if (index === undefined) throw new Error(`Column "${name}" was not bound; mappedColumns() must list it.`)
    const raw = types.get(name)
    return { name, index, type: raw === undefined ? UNKNOWN_COLUMN_TYPE : parseColumnType(raw) }
  }
}
