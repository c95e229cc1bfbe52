// Fixture data shared by component tests and stories. The fake backend serves it through the real api client, which
// parses every answer with the SDK's response schemas, so a fixture that drifts from the protocol fails loudly.
import type {
  ApiFinishedRun,
  ApiInFlightRun,
  ApiRejectedRow,
  Catalog,
  ConnectionView,
  DryRunResponse,
  GetSchemaResponse,
  PreviewResponse,
  QueryDefinition,
  SavedQuery,
  TestConnectionResponse,
} from '@statisfy/posthog-sdk'
import type { QueryTemplate } from '../src/index'

export const connectionView: ConnectionView = {
  apiHost: 'https://eu.posthog.com',
  projectId: 12345,
  keyHint: 'phx_…a1b2',
  updatedAt: '2026-11-20T09:00:00Z',
}

export const testResult: TestConnectionResponse = {
  apiHost: 'https://eu.posthog.com',
  projectId: 12345,
  project: { id: 12345, name: 'Acme Analytics', timeZone: 'Europe/Berlin' },
  keyScopes: ['query:read', 'project:read'],
  scopes: { 'query:read': 'granted', 'project:read': 'granted', 'personal_api_key:read': 'unknown' },
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
  truncatedReason: 'row_cap',
  hogql:
    'SELECT person.properties.email_domain AS org_domain, event AS metric, toDate(timestamp) AS day, count() AS value FROM events WHERE timestamp >= {period_start} AND timestamp < {period_end} GROUP BY org_domain, metric, day',
  window: { start: '2026-11-01T00:00:00Z', end: '2026-11-27T00:00:00Z' },
  limit: 100,
}

export const emptyPreview: PreviewResponse = { ...usagePreview, rows: [], truncated: false, truncatedReason: null }

/** A result of `rowCount` rows by `columnCount` columns, typed like PostHog's. */
export function largeResult(
  rowCount: number,
  columnCount: number,
): { columns: { name: string; type: string }[]; rows: unknown[][] } {
  const types = ['String', 'UInt64', "DateTime64(6, 'UTC')", 'Float64', 'Nullable(String)']
  const columns = Array.from({ length: columnCount }, (_, c) => ({
    name: `col_${c}`,
    type: types[c % types.length] ?? 'String',
  }))
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
  hogql:
    'SELECT properties.crm_id AS crm, properties.plan AS plan, properties.seats AS seats FROM groups WHERE index = 0',
  cadence: { kind: 'every_minutes', minutes: 60, timeZone: 'UTC' },
  enabled: false,
  mapping: {
    account: { resolver: 'crm_id', column: 'crm' },
    form: 'wide',
    fields: [
      { column: 'plan', field: 'plan' },
      { column: 'seats', field: 'seats_used' },
    ],
  },
}

type Reason = ApiRejectedRow['reason']

function reject(row: number, column: string, value: string, reason: Reason, message: string): ApiRejectedRow {
  const source = usagePreview.rows[row - 1] ?? []
  const rowData = Object.fromEntries(usagePreview.columns.map((name, i) => [name, source[i] ?? null]))
  return { row, column, value, reason, message, rowData: { ...rowData, [column]: value } }
}

/** Rejected rows of the partial run (and of the dry run): three bad timestamps, one unmatched, one ambiguous account. */
export const partialRunRejects: ApiRejectedRow[] = [
  reject(4, 'day', 'yesterday', 'bad_timestamp', 'Column "day": "yesterday" is not a date-time.'),
  reject(
    9,
    'org_domain',
    'gmail.com',
    'unmatched_account',
    'gmail.com is a public mail domain; no account is matched by it.',
  ),
  reject(18, 'day', '', 'bad_timestamp', 'Column "day": "" is not a date-time.'),
  reject(43, 'day', '31/02/2026', 'bad_timestamp', 'Column "day": "31/02/2026" is not a date-time.'),
  reject(
    56,
    'org_domain',
    'acme.co',
    'ambiguous_account',
    'acme.co matches Acme Corp and Acme Co-operative equally well.',
  ),
]

function byReason(rejects: readonly ApiRejectedRow[]) {
  const counts: Partial<Record<Reason, number>> = {}
  for (const r of rejects) counts[r.reason] = (counts[r.reason] ?? 0) + 1
  return counts
}

function run(
  index: number,
  status: ApiFinishedRun['status'],
  read: number,
  rejects: readonly ApiRejectedRow[] = [],
): ApiFinishedRun {
  const started = Date.UTC(2026, 10, 26 - index, 5, 0, 0)
  const durationMs = status === 'skipped' ? 3 : 4_000 + index * 900
  const reasons = [...new Set(rejects.map((r) => r.reason))].map((reason) => {
    const samples = rejects.filter((r) => r.reason === reason)
    return { reason, count: samples.length, samples }
  })
  return {
    id: `run-${index}`,
    trigger: index === 0 ? 'manual' : 'schedule',
    queryId: usageDefinition.id,
    queryName: usageDefinition.name,
    type: usageDefinition.type,
    status,
    skipReason: status === 'skipped' ? 'query_disabled' : null,
    dryRun: false,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(started + durationMs).toISOString(),
    durationMs,
    window: { start: new Date(started - 86_400_000).toISOString(), end: new Date(started).toISOString() },
    counts: {
      read,
      written: status === 'failed' ? 0 : read - rejects.length,
      rejected: rejects.length,
      unmatched: rejects.filter((r) => r.reason === 'unmatched_account').length,
      ambiguous: rejects.filter((r) => r.reason === 'ambiguous_account').length,
      byReason: byReason(rejects),
    },
    reasons: reasons.sort((a, b) => b.count - a.count),
    posthog: {
      hogql: status === 'skipped' ? [] : [usageDefinition.hogql],
      requests: status === 'skipped' ? 0 : 2,
      elapsedMs: status === 'skipped' ? 0 : 900 + index * 40,
      timings: [],
    },
    error:
      status === 'failed'
        ? {
            code: 'rate_limited',
            message: 'PostHog rate-limited the key for longer than the run may wait (retry in 3600 s).',
          }
        : null,
  }
}

/** Twelve runs of the usage query, newest first, with every status. */
export const runs: ApiFinishedRun[] = [
  run(0, 'partial', 1480, partialRunRejects),
  run(1, 'succeeded', 1502),
  run(2, 'succeeded', 1390),
  run(3, 'failed', 0),
  run(4, 'succeeded', 1610),
  run(5, 'skipped', 0),
  run(6, 'succeeded', 1544),
  run(7, 'succeeded', 1203),
  run(8, 'succeeded', 1420),
  run(9, 'succeeded', 1333),
  run(10, 'succeeded', 1298),
  run(11, 'succeeded', 1467),
]

/** A manual run of the usage query that the worker is reading, with its progress so far. */
export const runningRun: ApiInFlightRun = {
  id: 'run-live',
  trigger: 'manual',
  queryId: usageDefinition.id,
  queryName: usageDefinition.name,
  type: usageDefinition.type,
  status: 'running',
  dryRun: false,
  queuedAt: '2026-11-27T09:00:00Z',
  startedAt: '2026-11-27T09:00:02Z',
  progress: { rowsRead: 12_500, written: 12_480, rejected: 20 },
}

/**
 * A run of the usage query whose worker stopped saving it (killed mid-run): the server serves it `stalled`, its last
 * save (`updatedAt`) older than the handler's limit.
 */
export const stalledRun: ApiInFlightRun = {
  ...runningRun,
  id: 'run-stalled',
  queuedAt: '2026-11-27T08:00:00Z',
  startedAt: '2026-11-27T08:00:01Z',
  progress: { rowsRead: 4_000, written: 3_990, rejected: 10 },
  updatedAt: '2026-11-27T08:03:00Z',
  stalled: true,
}

/** A scheduled run of the usage query waiting for the worker. */
export const queuedRun: ApiInFlightRun = {
  ...runningRun,
  id: 'run-queued',
  trigger: 'schedule',
  status: 'queued',
  queuedAt: '2026-11-27T09:05:00Z',
  startedAt: null,
  progress: { rowsRead: 0, written: 0, rejected: 0 },
}

export const savedQueries: SavedQuery[] = [
  {
    definition: usageDefinition,
    createdAt: '2026-10-01T08:00:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
    lastRun: runs[0] ?? null,
  },
  { definition: planDefinition, createdAt: '2026-10-05T08:00:00Z', updatedAt: '2026-10-05T08:00:00Z', lastRun: null },
]

/** The dry run of `usageDefinition` over `usagePreview`: 3 bad timestamps, one unmatched and one ambiguous account. */
export const usageDryRun: DryRunResponse = {
  queryId: usageDefinition.id,
  rowsRead: 100,
  records: usagePreview.rows.slice(0, 5).map((row, i) => ({
    row: i + 1,
    record: {
      account: String(row[0]),
      metric: String(row[1]),
      timestamp: `${row[2]}T00:00:00Z`,
      value: Number(row[3]),
    },
  })),
  rejects: partialRunRejects,
  counts: { wouldWrite: 95, rejected: 5, byReason: byReason(partialRunRejects) },
  resolver: {
    resolver: 'email_domain',
    total: 9,
    matched: 7,
    unmatched: 1,
    ambiguous: 1,
    matchRate: 7 / 9,
    unmatchedExamples: [{ value: 'gmail.com', reason: 'public mail domain' }],
    ambiguousExamples: [
      {
        value: 'acme.co',
        reason: 'two candidates score within the margin',
        candidates: [
          { accountId: 'acc_17', name: 'Acme Corp', score: 0.91 },
          { accountId: 'acc_42', name: 'Acme Co-operative', score: 0.9 },
        ],
      },
    ],
  },
  error: null,
  hogql: null,
}

/** Query templates a host could offer: two product-usage examples (one with a grain) and a custom-field one. */
export const queryTemplates: QueryTemplate[] = [
  {
    id: 'events-per-domain',
    name: 'Events per domain and day',
    description: 'Counts each event per company domain and day.',
    type: 'product_usage',
    hogql: usagePreview.hogql,
    grain: 'day',
  },
  {
    id: 'weekly-active-users',
    name: 'Weekly active users',
    type: 'product_usage',
    hogql:
      "SELECT person.properties.email_domain AS org_domain, 'weekly_active_users' AS metric, toStartOfWeek(timestamp, 1) AS week, count(DISTINCT person_id) AS value FROM events WHERE timestamp >= {period_start} AND timestamp < {period_end} GROUP BY org_domain, week",
  },
  {
    id: 'plan-and-seats',
    name: 'Plan and seats',
    description: 'The plan and seat count of each CRM account.',
    type: 'custom_field',
    hogql: planDefinition.hogql,
  },
]
