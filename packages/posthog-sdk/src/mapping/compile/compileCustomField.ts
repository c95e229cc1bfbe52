import type { CatalogField, CustomFieldQuery } from '../../config/index'
import { type FieldCoercer, fieldCoercer } from '../coerce/fieldCoercer'
import { describeValue, Rejection } from '../coerce/Rejection'
import { RejectReason } from '../RejectReason'
import type { CompiledMappingOf } from './CompiledMapping'
import { readIdentifier } from './readIdentifier'
import type { BoundColumn } from './resultColumns'
import { toReject } from './toReject'

/**
 * Compiles a custom_field mapping. Long form: the field-name column names a catalog field (its key, or the key in
 * another case), the value column is coerced to that field's type. Wide form: each mapped column is coerced to its
 * field's type, and a bad cell rejects only that field of the row.
 */
export function compileCustomField(
  definition: Pick<CustomFieldQuery, 'mapping'>,
  column: (name: string) => BoundColumn,
  fields: readonly CatalogField[],
): CompiledMappingOf<'custom_field'> {
  const { mapping } = definition
  const account = column(mapping.account.column)
  const byKey = new Map(fields.map((f) => [f.key, f]))

  if (mapping.form === 'wide') {
    const cells = mapping.fields.map((pair) => {
      const bound = column(pair.column)
      const field = byKey.get(pair.field)
      // checkCatalog has refused unknown fields before compiling.
      if (!field) throw new Error(`Custom field "${pair.field}" is not in the catalog.`)
      return { bound, key: field.key, coerce: fieldCoercer(field, bound.type) }
    })
    return {
      type: 'custom_field',
      mapRow(row, rowNumber, out) {
        const ref = readIdentifier(
          row,
          rowNumber,
          account,
          RejectReason.MissingAccount,
          'account reference',
          out.rejects,
        )
        if (ref === undefined) return
        for (const cell of cells) {
          const raw = row[cell.bound.index]
          const value = cell.coerce(raw)
          if (value instanceof Rejection) out.rejects.push(toReject(rowNumber, cell.bound.name, raw, value))
          else out.records.push({ row: rowNumber, accountRef: ref, field: cell.key, value })
        }
      },
    }
  }

  const fieldName = column(mapping.fieldColumn)
  const valueColumn = column(mapping.valueColumn)
  const folded = new Map<string, CatalogField>()
  for (const field of fields) folded.set(field.key.toLowerCase(), field)
  const coercers = new Map<string, FieldCoercer>()
  const coercerFor = (field: CatalogField): FieldCoercer => {
    let coerce = coercers.get(field.key)
    if (!coerce) {
      coerce = fieldCoercer(field, valueColumn.type)
      coercers.set(field.key, coerce)
    }
    return coerce
  }
  return {
    type: 'custom_field',
    mapRow(row, rowNumber, out) {
      const ref = readIdentifier(row, rowNumber, account, RejectReason.MissingAccount, 'account reference', out.rejects)
      if (ref === undefined) return
      const rawName = row[fieldName.index]
      const name = typeof rawName === 'string' ? rawName.trim() : ''
      const field = byKey.get(name) ?? folded.get(name.toLowerCase())
      if (!field) {
        const message = `${describeValue(rawName)} is not a custom field; use one of the catalog's field keys.`
        out.rejects.push(
          toReject(rowNumber, fieldName.name, rawName, new Rejection(RejectReason.UnknownField, message)),
        )
        return
      }
      const raw = row[valueColumn.index]
      const value = coercerFor(field)(raw)
      if (value instanceof Rejection) out.rejects.push(toReject(rowNumber, valueColumn.name, raw, value))
      else out.records.push({ row: rowNumber, accountRef: ref, field: field.key, value })
    },
  }
}
