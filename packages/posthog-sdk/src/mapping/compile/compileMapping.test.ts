import { describe, expect, it } from 'vitest'
import { customFieldQuery, customObjectQuery, exampleCatalog, productUsageQuery } from '../../testing/index'
import { isMappingError, type MappingError, MappingErrorCode } from '../MappingError'
import { compileMapping } from './compileMapping'

function thrown(fn: () => unknown): MappingError {
  try {
    fn()
  } catch (error) {
    if (isMappingError(error)) return error
    throw error
  }
  throw new Error('expected a MappingError')
}

describe('compileMapping', () => {
  it('fails up front naming every missing column and the available ones', () => {
    const error = thrown(() =>
      compileMapping(productUsageQuery(), { columns: ['org_id', 'value', 'when'], types: [] }, exampleCatalog),
    )
    expect(error.code).toBe(MappingErrorCode.MissingColumns)
    expect(error.missingColumns).toEqual(['day', 'metric'])
    expect(error.availableColumns).toEqual(['org_id', 'value', 'when'])
    expect(error.message).toContain('"day", "metric"')
    expect(error.message).toContain('"when"')
  })

  it('refuses a resolver the host does not support', () => {
    const catalog = { ...exampleCatalog, resolvers: ['org_id' as const] }
    const definition = productUsageQuery({
      mapping: { ...productUsageQuery().mapping, account: { resolver: 'email_domain', column: 'org_id' } },
    })
    const error = thrown(() => compileMapping(definition, { columns: ['org_id', 'day', 'value', 'metric'] }, catalog))
    expect(error.code).toBe(MappingErrorCode.CatalogMismatch)
    expect(error.issues[0]).toContain('email_domain')
  })

  it('refuses wide-form fields the catalog does not have', () => {
    const definition = customFieldQuery({
      mapping: {
        account: { resolver: 'org_id', column: 'org_id' },
        form: 'wide',
        fields: [
          { column: 'plan', field: 'plan' },
          { column: 'tier', field: 'tier_level' },
        ],
      },
    })
    const error = thrown(() => compileMapping(definition, { columns: ['org_id', 'plan', 'tier'] }, exampleCatalog))
    expect(error.code).toBe(MappingErrorCode.CatalogMismatch)
    expect(error.issues).toEqual([expect.stringContaining('"tier_level"')])
  })

  it('refuses an unknown object type, unknown attributes and unmapped required attributes', () => {
    const unknownType = customObjectQuery({ mapping: { ...customObjectQuery().mapping, objectType: 'invoice' } })
    const header = { columns: ['org_id', 'key', 'feature', 'users', 'color'] }
    expect(thrown(() => compileMapping(unknownType, header, exampleCatalog)).issues).toEqual([
      expect.stringContaining('"invoice"'),
    ])
    const badAttributes = customObjectQuery({
      mapping: {
        ...customObjectQuery().mapping,
        attributes: [
          { column: 'users', attribute: 'users' },
          { column: 'color', attribute: 'color' },
        ],
      },
    })
    const issues = thrown(() => compileMapping(badAttributes, header, exampleCatalog)).issues
    expect(issues).toEqual([
      expect.stringContaining('"color"'),
      expect.stringContaining('requires attribute "feature"'),
    ])
  })

  it('checks columns before the catalog, so a missing column is reported first', () => {
    const definition = customObjectQuery({ mapping: { ...customObjectQuery().mapping, objectType: 'invoice' } })
    expect(thrown(() => compileMapping(definition, { columns: ['org_id'] }, exampleCatalog)).code).toBe(
      MappingErrorCode.MissingColumns,
    )
  })
})
