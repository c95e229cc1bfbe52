import type { QueryTemplate } from '@statisfy/posthog-ui'

// Example queries the add-query flow offers, one per query type. Each reads the emulator's seeded project (events
// with `$group_0` = the organisation, groups of type 0 with name/domain/crm_id/plan, persons) and is written so the
// kit's suggested mapping fits the worker's default catalog (apps/sync-worker/src/config/defaultCatalog.ts) without
// edits: column names pick the resolver (`org_id`, `crm_id`, `domain`) and match the catalog's field and attribute
// keys. Each uses another resolver, so the demo shows three ways of matching accounts. Checked against the emulator
// by templates.test.ts.

/** The playground's example queries (product usage, custom field, custom object). */
export const templates: readonly QueryTemplate[] = [
  {
    id: 'daily-product-events',
    name: 'Daily product events per organisation',
    description: 'Page views, feature uses, exports and invites per organisation and day (matched by org id).',
    type: 'product_usage',
    hogql: `SELECT
  $group_0 AS org_id,
  toStartOfDay(timestamp) AS day,
  event AS metric,
  count() AS value
FROM events
WHERE timestamp >= {period_start} AND timestamp < {period_end}
  AND $group_0 != ''
  AND event IN ('$pageview', 'feature_used', 'report_exported', 'invite_sent')
GROUP BY org_id, day, metric
ORDER BY org_id, day, metric`,
    grain: 'day',
  },
  {
    id: 'plan-employees-segment',
    name: 'Plan, employees and segment from PostHog groups',
    description: 'One row per organisation with its plan, head count and industry (matched by CRM id).',
    type: 'custom_field',
    hogql: `SELECT
  properties.crm_id AS crm_id,
  properties.plan AS plan,
  toInt(properties.employee_count) AS employees,
  properties.industry AS segment
FROM groups
WHERE index = 0
LIMIT 1000`,
  },
  {
    id: 'feature-adoption',
    name: 'Feature adoption per organisation',
    description: 'A record per organisation and feature: distinct users and first use (matched by email domain).',
    type: 'custom_object',
    hogql: `SELECT
  group_0.properties.domain AS domain,
  concat($group_0, '/', properties.feature) AS record_key,
  properties.feature AS feature,
  count(DISTINCT person_id) AS users,
  min(timestamp) AS first_used
FROM events
WHERE event = 'feature_used' AND $group_0 != ''
GROUP BY domain, record_key, feature
ORDER BY record_key
LIMIT 5000`,
  },
]
