import type { CatalogField } from '../../config/index'
import type { ColumnType } from '../ColumnType'
import { RejectReason } from '../RejectReason'
import type { CatalogValue } from '../records'
import { coerceBoolean } from './coerceBoolean'
import { coerceDate } from './coerceDate'
import { coerceEnum, enumOptions } from './coerceEnum'
import { coerceNumber } from './coerceNumber'
import { coerceText } from './coerceText'
import { Rejection } from './Rejection'

/** Coerces one raw value to a catalog field's type. */
export type FieldCoercer = (value: unknown) => CatalogValue | Rejection

/**
 * Builds the coercer of one catalog field (custom field or object attribute) read from a column of type `column`.
 * Null, undefined and empty or blank strings are "no value": `null` is written (clearing the field) unless the field
 * is `required`, which rejects the row with `missing_required`.
 */
export function fieldCoercer(field: CatalogField, column: ColumnType): FieldCoercer {
  const coerce = typedCoercer(field, column)
  return (value) => {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      return field.required
        ? new Rejection(RejectReason.MissingRequired, `"${field.key}" is required but the value is empty.`)
        : null
    }
    return coerce(value)
  }
}

function typedCoercer(field: CatalogField, column: ColumnType): FieldCoercer {
  switch (field.type) {
    case 'string':
      return coerceText
    case 'number':
      return coerceNumber
    case 'boolean':
      return coerceBoolean
    case 'date':
      return (value) => coerceDate(value, column)
    case 'enum': {
      const options = enumOptions(field.options ?? [])
      return (value) => coerceEnum(value, options)
    }
    default:
      return field.type satisfies never
  }
}
