// Fixture data shared by component tests and stories. The fake backend serves it through the real api client, which
// parses every answer with the SDK's response schemas, so a fixture that drifts from the protocol fails loudly.
import type {
  ApiRun,
  Catalog,
  ConnectionView,
  DryRunResponse,
  GetSchemaResponse,
  PreviewResponse,
  QueryDefinition,
  ApiRejectedRow,
  SavedQuery,
  TestConnectionResponse,
} from '@statisfy/posthog-sdk'

export const connectionView: ConnectionView = {
  apiHost: 'https://eu.posthog.com',
  projectId: 12345,
  keyHint: 'phx_…a1b2',
  updatedAt: '2026-11-20T09:00:00Z',
}

export const testResult: TestConnectionResponse = {
  apiHost: 'https://eu.posthog.com',
  project: { id: 12345, name: 'Acme Analytics', timeZone: 'Europe/Berlin' },
  scopes: ['query:read', 'project:read'],
  elapsedMs: 182,
}

export const catalog: Catalog = {
  customFields: [
    { key: 'plan', label: 'Plan', type: 'enum', options: ['free', 'pro', 'enterprise'] },
    { key: 'seats_used', label: 'Seats used', type: 'number' },
    { key: 'last_active', label: 'Last active', type: 'date' },
    { key: 'sso_enabled', label: 'SSO enabled', type: 'boolean' },
  ],
  objectTypes: [
    {
      key: 'workspace',
      label: 'Workspace',
      attributes: [
        { key: 'name', label: 'Name', type: 'string', required: true },
        { key: 'members', label: 'Members', type: 'number' },
        { key: 'created', label: 'Created', type: 'date' },
      ],
    },
  ],
  resolvers: ['statisfy_id', 'crm_id', 'org_id', 'email_domain', 'account_name', 'custom_field:posthog_org'],
}

export const schema: GetSchemaResponse = {
  tables: [
    {
      name: 'events',
      kind: 'posthog',
      fields: [
        { name: 'event', type: 'string', table: null, fields: [] },
        { name: 'timestamp', type: 'datetime', table: null, fields: [] },
        { name: 'properties', type: 'json', table: null, fields: [] },
        { name: 'person', type: 'lazy_table', table: 'persons', fields: ['properties'] },
      ],
    },
  ],
}

const companies = ['acme.com', 'globex.io', 'initech.com', 'umbrella.co', 'hooli.xyz', 'stark.industries', 'wayne.biz']
const metrics = ['dashboards_viewed', 'reports_exported', 'seats_active']

/** A product-usage preview: account domain, metric label, day, value. */
export const usagePreview: PreviewResponse = {
  columns: ['org_domain', 'metric', 'day', 'value'],
  types: ['String', 'String', 'Date', 'UInt64'],
  rows: Array.from({ length: 100 }, (_, i) => [
    companies[i % companies.length] ?? '',
    metrics[i % metrics.length] ?? '',
    `2026-11-${String(1 + (i % 26)).padStart(2, '0')}`,
    (i * 37) % 500,
  ]),
  elapsedMs: 412,
  truncated: true,
  truncatedReason: 'posthog_default_limit',
  hogql:
    "SELECT person.properties.email_domain AS org_domain, event AS metric, toDate(timestamp) AS day, count() AS value FROM events WHERE timestamp >= {period_start} AND timestamp < {period_end} GROUP BY org_domain, metric, day",
  window: { start: '2026-11-01T00:00:00Z', end: '2026-11-27T00:00:00Z' },
  limit: 100,
}

export const emptyPreview: PreviewResponse = { ...usagePreview, rows: [], truncated: false, truncatedReason: null }

/** A result of `rowCount` rows by `columnCount` columns, typed like PostHog's. */
export function largeResult(rowCount: number, columnCount: number): { columns: { name: string; type: string }[]; rows: unknown[][] } {
  const types = ['String', 'UInt64', "DateTime64(6, 'UTC')", 'Float64', 'Nullable(String)']
  const columns = Array.from({ length: columnCount }, (_, c) => ({ name: `col_${c}`, type: types[c % types.length] ?? 'String' }))
  const rows = Array.from({ length: rowCount }, (_, r) =>
    columns.map((column, c) => {
      switch (column.type) {
        case 'UInt64':
          return r * 7 + c
        case 'Float64':
          return (r % 1000) / 8
        case 'Nullable(String)':
          return r % 5 === 0 ? null : `v${r}`
        case "DateTime64(6, 'UTC')":
          return new Date(Date.UTC(2026, 0, 1) + r * 60_000).toISOString()
        default:
          return `row ${r} col ${c}`
      }
    }),
  )
  return { columns, rows }
}

export const usageDefinition: QueryDefinition = {
  version: 1,
  id: 'usage-daily',
  name: 'Daily product usage',
  type: 'product_usage',
  hogql: usagePreview.hogql,
  cadence: { kind: 'daily', at: '06:00', timeZone: 'Europe/Berlin' },
  enabled: true,
  mapping: {
    account: { resolver: 'email_domain', column: 'org_domain' },
    metric: { column: 'metric' },
    timestampColumn: 'day',
    valueColumn: 'value',
  },
}

export const planDefinition: QueryDefinition = {
  version: 1,
  id: 'plan-fields',
  name: 'Plan and seats',
  type: 'custom_field',
  hogql: "SELECT properties.crm_id AS crm, properties.plan AS plan, properties.seats AS seats FROM groups WHERE index = 0",
  cadence: { kind: 'every_minutes', minutes: 60, timeZone: 'UTC' },
  enabled: false,
  mapping: { account: { resolver: 'crm_id', column: 'crm' }, form: 'wide', fields: [{ column: 'plan', field: 'plan' }, { column: 'seats', field: 'seats_used' }] },
}

function reject(row: number, column: string | null, value: ApiRejectedRow['value'], reason: string, message: string): ApiRejectedRow {
  return { row, column, value, reason, message }
}

/** Rejected rows of the partial run. */
export const partialRunRejects: ApiRejectedRow[] = [
  reject(3, 'day', 'yesterday', 'bad_timestamp', 'Column "day": "yesterday" is not a date-time.'),
  reject(17, 'day', '', 'bad_timestamp', 'Column "day": "" is not a date-time.'),
  reject(42, 'day', '31/02/2026', 'bad_timestamp', 'Column "day": "31/02/2026" is not a date-time.'),
  reject(8, 'org_domain', 'gmail.com', 'unmatched_account', 'No account has the domain gmail.com (a public mail domain).'),
  reject(55, 'org_domain', 'acme.co', 'ambiguous_account', 'acme.co matches Acme Corp and Acme Co-operative equally well.'),
]

function run(index: number, status: ApiRun['status'], read: number, rejected: number, queryId = 'usage-daily'): ApiRun {
  const started = Date.UTC(2026, 10, 26 - index, 5, 0, 0)
  const final = status !== 'queued' && status !== 'running'
  const byReason = new Map<string, ApiRejectedRow[]>()
  if (rejected > 0) for (const r of partialRunRejects) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r])
  return {
    id: `run-${index}`,
    queryId,
    trigger: index === 0 ? 'manual' : 'schedule',
    status,
    startedAt: new Date(started).toISOString(),
    finishedAt: final ? new Date(started + 4_000 + index * 900).toISOString() : null,
    window: { start: new Date(started - 86_400_000).toISOString(), end: new Date(started).toISOString() },
    counts: { read, written: status === 'failed' ? 0 : read - rejected, rejected, unmatched: rejected > 0 ? 1 : 0 },
    reasons:
      rejected > 0
        ? [...byReason].map(([reason, samples]) => ({
            reason,
            count: reason === 'bad_timestamp' ? rejected - 2 : 1,
            samples,
          }))
        : [],
    posthog: { requests: 2, elapsedMs: 900 + index * 40 },
    hogql: [usageDefinition.hogql],
    error:
      status === 'failed'
        ? { code: 'rate_limited', message: 'PostHog rate-limited the key for longer than the run may wait (retry in 3600 s).' }
        : status === 'skipped'
          ? { code: 'disabled', message: 'The query was disabled when its slot came.' }
          : null,
  }
}

/** Twelve runs of the usage query, newest first, with every status. */
export const runs: ApiRun[] = [
  run(0, 'partial', 1480, 5),
  run(1, 'succeeded', 1502, 0),
  run(2, 'succeeded', 1390, 0),
  run(3, 'failed', 0, 0),
  run(4, 'succeeded', 1610, 0),
  run(5, 'skipped', 0, 0),
  run(6, 'succeeded', 1544, 0),
  run(7, 'succeeded', 1203, 0),
  run(8, 'succeeded', 1420, 0),
  run(9, 'succeeded', 1333, 0),
  run(10, 'succeeded', 1298, 0),
  run(11, 'succeeded', 1467, 0),
]

export const savedQueries: SavedQuery[] = [
  { definition: usageDefinition, createdAt: '2026-10-01T08:00:00Z', updatedAt: '2026-11-20T08:00:00Z', lastRun: runs[0] ?? null },
  { definition: planDefinition, createdAt: '2026-10-05T08:00:00Z', updatedAt: '2026-10-05T08:00:00Z', lastRun: null },
]

/** The dry run of `usageDefinition` over `usagePreview`: 3 bad timestamps, one unmatched and one ambiguous account. */
export const usageDryRun: DryRunResponse = {
  rowsRead: 100,
  records: usagePreview.rows.slice(0, 5).map((row, i) => ({
    row: i,
    record: { account: String(row[0]), metric: String(row[1]), timestamp: `${row[2]}T00:00:00Z`, value: Number(row[3]) },
  })),
  rejects: partialRunRejects,
  resolver: { resolver: 'email_domain', total: 9, matched: 7, unmatched: 1, ambiguous: 1, matchRate: 7 / 9 },
  hogql: null,
}
