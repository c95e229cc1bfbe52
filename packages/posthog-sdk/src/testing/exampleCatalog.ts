import type { Catalog } from '../config/index'

/**
 * A host catalog for tests and examples: custom fields of every type, one custom object type with a required
 * attribute, and every built-in resolver plus `custom_field:external_ref`.
 */
export const exampleCatalog: Catalog = {
  customFields: [
    { key: 'plan', label: 'Plan', type: 'enum', options: ['free', 'starter', 'growth', 'enterprise'] },
    { key: 'seats', label: 'Seats', type: 'number' },
    { key: 'is_trial', label: 'On trial', type: 'boolean' },
    { key: 'renewal_date', label: 'Renewal date', type: 'date' },
    { key: 'segment', label: 'Segment', type: 'string' },
    { key: 'csm_email', label: 'CSM email', type: 'string', required: true },
  ],
  objectTypes: [
    {
      key: 'feature_adoption',
      label: 'Feature adoption',
      attributes: [
        { key: 'feature', label: 'Feature', type: 'string', required: true },
        { key: 'users', label: 'Users', type: 'number' },
        { key: 'first_used', label: 'First used', type: 'date' },
        { key: 'active', label: 'Active', type: 'boolean' },
        { key: 'tier', label: 'Tier', type: 'enum', options: ['core', 'addon'] },
      ],
    },
  ],
  resolvers: ['statisfy_id', 'crm_id', 'org_id', 'email_domain', 'account_name', 'custom_field:external_ref'],
}
