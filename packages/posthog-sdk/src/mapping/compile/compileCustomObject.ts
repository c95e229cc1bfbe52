import type { CatalogObjectType, CustomObjectQuery } from '../../config/index'
import { fieldCoercer } from '../coerce/fieldCoercer'
import { Rejection } from '../coerce/Rejection'
import { RejectReason } from '../RejectReason'
import type { CatalogValue } from '../records'
import type { CompiledMappingOf } from './CompiledMapping'
import { readIdentifier } from './readIdentifier'
import type { BoundColumn } from './resultColumns'
import { toReject } from './toReject'

/**
 * Compiles a custom_object mapping: record key, account and attributes coerced to the catalog's attribute types.
 * A row with any bad attribute is rejected whole (an upsert replaces the record, so a partial record would erase
 * attributes); the reject names the first bad column.
 */
export function compileCustomObject(
  definition: Pick<CustomObjectQuery, 'mapping'>,
  column: (name: string) => BoundColumn,
  objectType: CatalogObjectType,
): CompiledMappingOf<'custom_object'> {
  const { mapping } = definition
  const account = column(mapping.account.column)
  const key = column(mapping.keyColumn)
  const attributes = mapping.attributes.map((pair) => {
    const bound = column(pair.column)
    const attribute = objectType.attributes.find((a) => a.key === pair.attribute)
    // checkCatalog has refused unknown attributes before compiling.
    if (!attribute) throw new Error(`Attribute "${pair.attribute}" is not in the catalog.`)
    return { bound, key: attribute.key, coerce: fieldCoercer(attribute, bound.type) }
  })
  return {
    type: 'custom_object',
    mapRow(row, rowNumber, out) {
      const recordKey = readIdentifier(row, rowNumber, key, RejectReason.MissingKey, 'record key', out.rejects)
      if (recordKey === undefined) return
      const ref = readIdentifier(row, rowNumber, account, RejectReason.MissingAccount, 'account reference', out.rejects)
      if (ref === undefined) return
      const values: Record<string, CatalogValue> = {}
      for (const attribute of attributes) {
        const raw = row[attribute.bound.index]
        const value = attribute.coerce(raw)
        if (value instanceof Rejection) {
          out.rejects.push(toReject(rowNumber, attribute.bound.name, raw, value))
          return
        }
        values[attribute.key] = value
      }
      out.records.push({
        row: rowNumber,
        accountRef: ref,
        objectType: objectType.key,
        key: recordKey,
        attributes: values,
      })
    },
  }
}
