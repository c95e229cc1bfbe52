import { describe, expect, it } from 'vitest'
import { customFieldQuery, customObjectQuery, exampleCatalog, productUsageQuery } from '../../testing/index'
import { checkAgainstCatalog } from './checkAgainstCatalog'

describe('checkAgainstCatalog', () => {
  it('accepts definitions the catalog offers', () => {
    expect(checkAgainstCatalog(productUsageQuery(), exampleCatalog)).toEqual([])
    expect(
      checkAgainstCatalog(
        customObjectQuery({
          mapping: {
            account: { resolver: 'org_id', column: 'org_id' },
            objectType: 'feature_adoption',
            keyColumn: 'key',
            attributes: [{ column: 'feature', attribute: 'feature' }],
          },
        }),
        exampleCatalog,
      ),
    ).toEqual([])
  })

  it('names an unsupported resolver', () => {
    const catalog = { ...exampleCatalog, resolvers: ['statisfy_id' as const] }
    expect(checkAgainstCatalog(productUsageQuery(), catalog)).toEqual([
      { path: 'mapping.account.resolver', message: expect.stringContaining('statisfy_id') },
    ])
  })

  it('names unknown wide custom fields by index', () => {
    const definition = customFieldQuery({
      mapping: {
        account: { resolver: 'org_id', column: 'org_id' },
        form: 'wide',
        fields: [
          { column: 'plan', field: 'plan' },
          { column: 'x', field: 'no_such_field' },
        ],
      },
    })
    expect(checkAgainstCatalog(definition, exampleCatalog).map((issue) => issue.path)).toEqual([
      'mapping.fields.1.field',
    ])
  })

  it('names an unknown object type, unknown attributes and missing required ones', () => {
    const unknownType = customObjectQuery({ mapping: { ...customObjectQuery().mapping, objectType: 'nope' } })
    expect(checkAgainstCatalog(unknownType, exampleCatalog).map((issue) => issue.path)).toEqual(['mapping.objectType'])
    const badAttributes = customObjectQuery({
      mapping: { ...customObjectQuery().mapping, attributes: [{ column: 'users', attribute: 'userz' }] },
    })
    expect(checkAgainstCatalog(badAttributes, exampleCatalog).map((issue) => issue.path)).toEqual([
      'mapping.attributes.0.attribute',
      'mapping.attributes',
    ])
  })
})
