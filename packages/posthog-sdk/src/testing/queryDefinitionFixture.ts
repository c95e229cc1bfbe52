import type { CustomFieldQuery, CustomObjectQuery, ProductUsageQuery, QueryDefinition } from '../config/index'

type Common = Omit<QueryDefinition, 'type' | 'mapping'>

const common = (id: string): Common => ({
  version: 1,
  id,
  name: id.replace(/[-_]/g, ' '),
  hogql: 'select 1',
  cadence: { kind: 'daily', at: '02:00', timeZone: 'UTC' },
  enabled: true,
})

/**
 * A saved product_usage query for tests: override any part, e.g.
 * `productUsageQuery({ hogql: '...', mapping: { ... } })`. Defaults map columns `org_id`, `day`, `value`, `metric`.
 */
export function productUsageQuery(overrides: Partial<ProductUsageQuery> = {}): ProductUsageQuery {
  return {
    ...common('usage'),
    type: 'product_usage',
    mapping: {
      account: { resolver: 'org_id', column: 'org_id' },
      timestampColumn: 'day',
      valueColumn: 'value',
      metric: { column: 'metric' },
    },
    ...overrides,
  }
}

/** A saved custom_field query for tests (long form over `org_id`, `field`, `value` by default). */
export function customFieldQuery(overrides: Partial<CustomFieldQuery> = {}): CustomFieldQuery {
  return {
    ...common('fields'),
    type: 'custom_field',
    mapping: {
      account: { resolver: 'org_id', column: 'org_id' },
      form: 'long',
      fieldColumn: 'field',
      valueColumn: 'value',
    },
    ...overrides,
  }
}

/** A saved custom_object query for tests (`feature_adoption` keyed by `key`, by default). */
export function customObjectQuery(overrides: Partial<CustomObjectQuery> = {}): CustomObjectQuery {
  return {
    ...common('objects'),
    type: 'custom_object',
    mapping: {
      account: { resolver: 'org_id', column: 'org_id' },
      objectType: 'feature_adoption',
      keyColumn: 'key',
      attributes: [
        { column: 'feature', attribute: 'feature' },
        { column: 'users', attribute: 'users' },
      ],
    },
    ...overrides,
  }
}
