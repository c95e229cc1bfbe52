import type { CustomFieldMapping, CustomObjectMapping, ProductUsageMapping } from './mapping'

/** A query type together with its mapping (a saved query is one). */
export type TypedMapping =
  | { type: 'product_usage'; mapping: ProductUsageMapping }
  | { type: 'custom_field'; mapping: CustomFieldMapping }
  | { type: 'custom_object'; mapping: CustomObjectMapping }

/** A result column a mapping reads, with the role it plays and the field path of the setting that names it. */
export interface MappedColumn {
  column: string
  role: string
  path: (string | number)[]
}

/**
 * Every result column a query's mapping reads. The sync engine checks them against the result before writing anything;
 * the schema uses them to refuse one column in two roles.
 */
export function mappedColumns(definition: TypedMapping): MappedColumn[] {
  const columns: MappedColumn[] = [
    { column: definition.mapping.account.column, role: 'account', path: ['mapping', 'account', 'column'] },
  ]
  switch (definition.type) {
    case 'product_usage': {
      const { mapping } = definition
      columns.push(
        { column: mapping.valueColumn, role: 'value', path: ['mapping', 'valueColumn'] },
        { column: mapping.timestampColumn, role: 'timestamp', path: ['mapping', 'timestampColumn'] },
      )
      if ('column' in mapping.metric) {
        columns.push({ column: mapping.metric.column, role: 'metric label', path: ['mapping', 'metric', 'column'] })
      }
      return columns
    }
    case 'custom_field': {
      const { mapping } = definition
      if (mapping.form === 'long') {
        columns.push(
          { column: mapping.fieldColumn, role: 'field name', path: ['mapping', 'fieldColumn'] },
          { column: mapping.valueColumn, role: 'field value', path: ['mapping', 'valueColumn'] },
        )
      } else {
        mapping.fields.forEach((pair, i) => {
          columns.push({ column: pair.column, role: `field "${pair.field}"`, path: ['mapping', 'fields', i, 'column'] })
        })
      }
      return columns
    }
    case 'custom_object': {
      const { mapping } = definition
      columns.push({ column: mapping.keyColumn, role: 'record key', path: ['mapping', 'keyColumn'] })
      mapping.attributes.forEach((pair, i) => {
        columns.push({
          column: pair.column,
          role: `attribute "${pair.attribute}"`,
          path: ['mapping', 'attributes', i, 'column'],
        })
      })
      return columns
    }
    default:
      return definition satisfies never
  }
}
