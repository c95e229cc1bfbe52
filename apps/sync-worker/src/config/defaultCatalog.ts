import type { Catalog } from '@statisfy/posthog-sdk'

/**
 * What a tenant can write when it has no catalog of its own: the custom fields and the custom object type the
 * demo's queries map onto. A host keeps each tenant's real catalog in `tenants.catalog`.
 */
export const defaultCatalog: Catalog = {
  customFields: [
    { key: 'plan', label: 'Plan', type: 'enum', options: ['free', 'starter', 'growth', 'enterprise'] },
    { key: 'employees', label: 'Employees', type: 'number' },
    { key: 'segment', label: 'Segment', type: 'string' },
  ],
  objectTypes: [
    {
      key: 'feature_adoption',
      label: 'Feature adoption',
      attributes: [
        { key: 'feature', label: 'Feature', type: 'string', required: true },
        { key: 'users', label: 'Users', type: 'number' },
        { key: 'first_used', label: 'First used', type: 'date' },
      ],
    },
  ],
  resolvers: ['org_id', 'crm_id', 'email_domain', 'account_name'],
}
