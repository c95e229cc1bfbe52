import type { ApiIssue } from '../../api/index'
import type { Catalog, QueryDefinition } from '../../config/index'

/**
 * What in a definition the host's catalog does not offer: an unsupported resolver, an unknown custom field, object
 * type or attribute. Paths are relative to the definition (`mapping.fields.1.field`).
 */
export function checkAgainstCatalog(definition: QueryDefinition, catalog: Catalog): ApiIssue[] {
  const issues: ApiIssue[] = []
  const resolver = definition.mapping.account.resolver
  if (!catalog.resolvers.includes(resolver)) {
    issues.push({
      path: 'mapping.account.resolver',
      message: `This workspace does not support the "${resolver}" resolver; use one of ${catalog.resolvers.join(', ')}.`,
    })
  }
  switch (definition.type) {
    case 'product_usage':
      break
    case 'custom_field': {
      const { mapping } = definition
      if (mapping.form === 'wide') {
        const known = new Set(catalog.customFields.map((field) => field.key))
        mapping.fields.forEach((pair, i) => {
          if (!known.has(pair.field)) {
            issues.push({
              path: `mapping.fields.${i}.field`,
              message: `There is no custom field "${pair.field}"; choose one of the workspace's custom fields.`,
            })
          }
        })
      }
      break
    }
    case 'custom_object': {
      const { mapping } = definition
      const type = catalog.objectTypes.find((candidate) => candidate.key === mapping.objectType)
      if (!type) {
        issues.push({
          path: 'mapping.objectType',
          message: `There is no custom object type "${mapping.objectType}"; choose one of ${catalog.objectTypes.map((t) => t.key).join(', ') || '(none defined)'}.`,
        })
        break
      }
      const known = new Set(type.attributes.map((attribute) => attribute.key))
      mapping.attributes.forEach((pair, i) => {
        if (!known.has(pair.attribute)) {
          issues.push({
            path: `mapping.attributes.${i}.attribute`,
            message: `"${type.label}" has no attribute "${pair.attribute}"; choose one of ${[...known].join(', ')}.`,
          })
        }
      })
      const mapped = new Set(mapping.attributes.map((pair) => pair.attribute))
      for (const attribute of type.attributes) {
        if (attribute.required && !mapped.has(attribute.key)) {
          issues.push({
            path: 'mapping.attributes',
            message: `"${type.label}" requires the attribute "${attribute.key}"; map a column to it.`,
          })
        }
      }
      break
    }
    default:
      definition satisfies never
  }
  return issues
}
