import { type Catalog, customFieldKeyOf, type TypedMapping } from '../../config/index'
import { MappingError, MappingErrorCode } from '../MappingError'

/**
 * Checks a mapping against the host's catalog: the resolver is one the host supports, wide-form fields exist, the
 * object type and its attributes exist, and every required attribute is mapped. Throws one `catalog_mismatch`
 * {@link MappingError} listing every problem.
 */
export function checkCatalog(definition: TypedMapping, catalog: Catalog): void {
  const issues: string[] = []
  const { resolver } = definition.mapping.account
  if (!catalog.resolvers.includes(resolver)) {
    const fieldKey = customFieldKeyOf(resolver)
    issues.push(
      fieldKey === undefined
        ? `The account resolver "${resolver}" is not supported here; use one of: ${catalog.resolvers.join(', ') || '(none)'}.`
        : `Accounts cannot be matched on custom field "${fieldKey}"; choose a custom field offered as a resolver.`,
    )
  }
  switch (definition.type) {
    case 'product_usage':
      break
    case 'custom_field': {
      if (definition.mapping.form === 'wide') {
        const known = new Set(catalog.customFields.map((f) => f.key))
        for (const { field, column } of definition.mapping.fields) {
          if (!known.has(field))
            issues.push(`Column "${column}" is mapped to custom field "${field}", which does not exist.`)
        }
      }
      break
    }
    case 'custom_object': {
      const { objectType, attributes } = definition.mapping
      const type = catalog.objectTypes.find((t) => t.key === objectType)
      if (!type) {
        issues.push(`Custom object type "${objectType}" does not exist.`)
        break
      }
      const known = new Set(type.attributes.map((a) => a.key))
      const mapped = new Set(attributes.map((a) => a.attribute))
      for (const { attribute, column } of attributes) {
        if (!known.has(attribute)) {
          issues.push(`Column "${column}" is mapped to attribute "${attribute}", which "${objectType}" does not have.`)
        }
      }
      for (const attribute of type.attributes) {
        if (attribute.required && !mapped.has(attribute.key)) {
          issues.push(`"${objectType}" requires attribute "${attribute.key}"; map a column to it.`)
        }
      }
      break
    }
    default:
      definition satisfies never
  }
  if (issues.length > 0) {
    throw new MappingError(
      MappingErrorCode.CatalogMismatch,
      `The mapping does not fit the catalog:\n  - ${issues.join('\n  - ')}`,
      {
        issues,
      },
    )
  }
}
