// End-to-end: the real client against @statisfy/posthog-emulator's seeded data, accounts from its companies.
import { describe, expect, it } from 'vitest'
import type { PostHogClient } from '../client/index'
import { clientOf, useEmulator } from '../client/integration/emulatorFixture'
import { RejectReason } from '../mapping/index'
import { createInMemoryDirectory, type DirectoryAccount } from '../resolve/index'
import { runWindow } from '../schedule/index'
import {
  createMemoryRecordSink,
  customFieldQuery,
  customObjectQuery,
  exampleCatalog,
  productUsageQuery,
} from '../testing/index'
import { runReportSchema } from './RunReport'
import { runSync } from './runSync'
import { runTenant } from './runTenant'

const emulator = useEmulator()

/** The host's accounts: one per seeded company (group type 0), keyed by the product's org id. */
async function companiesDirectory(client: PostHogClient) {
  const { results } = await client.query<[string, string, string, string]>(
    'select key, properties.name, properties.domain, properties.crm_id from groups where index = 0 limit 1000',
  )
  const accounts: DirectoryAccount[] = results.map(([orgId, name, domain, crmId]) => ({
    id: `acc_${orgId}`,
    name,
    domains: [domain],
    crmIds: [crmId],
    orgIds: [orgId],
  }))
  return { accounts, directory: createInMemoryDirectory(accounts) }
}

async function lastWeek(client: PostHogClient) {
  const { results } = await client.query<[string]>('select max(timestamp) from events')
  const end = new Date(Date.parse(results[0]?.[0] ?? '') + 1000)
  return { start: new Date(end.getTime() - 7 * 86_400_000), end }
}

const USAGE_BY_ORG = `
  select $group_0 as org_id, toStartOfDay(timestamp) as day, event as metric, count() as value
  from events
  where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''
  group by org_id, day, metric`

describe('runSync against the emulator', () => {
  it('product_usage by organisation: every row written, totals equal PostHog, idempotent', async () => {
    const client = clientOf(emulator())
    const { accounts, directory } = await companiesDirectory(client)
    const window = await lastWeek(client)
    const sink = createMemoryRecordSink()
    const definition = productUsageQuery({ hogql: USAGE_BY_ORG })
    const report = runReportSchema.parse(
      await runSync(definition, { client, sink, catalog: exampleCatalog, directory }, { window }),
    )
    expect(report.status).toBe('succeeded')
    expect(report.counts.read).toBeGreaterThan(100)
    expect(report.counts.written).toBe(report.counts.read)
    expect(report.posthog.hogql[0]).toContain('$group_0')
    expect(report.posthog.timings.length).toBeGreaterThan(0)

    const { results } = await client.query<[number]>(
      "select count() from events where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''",
      { values: { period_start: window.start.toISOString(), period_end: window.end.toISOString() } },
    )
    const records = sink.records('product_usage')
    expect(records.reduce((sum, r) => sum + r.value, 0)).toBe(results[0]?.[0])
    const known = new Set(accounts.map((a) => a.id))
    expect(records.every((r) => known.has(r.accountId) && r.accountId === `acc_${r.accountRef}`)).toBe(true)
    expect(records.every((r) => /^\d{4}-\d{2}-\d{2}T00:00:00(\.0+)?Z$/.test(r.timestamp))).toBe(true)

    const before = sink.snapshot()
    const again = await runSync(definition, { client, sink, catalog: exampleCatalog, directory }, { window })
    expect(again.counts.written).toBe(report.counts.written)
    expect(sink.snapshot()).toEqual(before)
  })

  it('custom_field, wide form, from group properties: plan (enum) and employee count (number)', async () => {
    const client = clientOf(emulator())
    const { accounts, directory } = await companiesDirectory(client)
    const sink = createMemoryRecordSink()
    const definition = customFieldQuery({
      hogql:
        'select key as org_id, properties.plan as plan, properties.employee_count as seats from groups where index = 0',
      mapping: {
        account: { resolver: 'org_id', column: 'org_id' },
        form: 'wide',
        fields: [
          { column: 'plan', field: 'plan' },
          { column: 'seats', field: 'seats' },
        ],
      },
    })
    const report = await runSync(definition, { client, sink, catalog: exampleCatalog, directory })
    expect(report).toMatchObject({
      status: 'succeeded',
      counts: { read: accounts.length, written: accounts.length * 2 },
    })
    const fields = sink.records('custom_field')
    const plans = new Set(fields.filter((f) => f.field === 'plan').map((f) => f.value))
    expect([...plans].every((p) => ['free', 'starter', 'growth', 'enterprise'].includes(String(p)))).toBe(true)
    expect(plans.size).toBeGreaterThan(1)
    expect(fields.filter((f) => f.field === 'seats').every((f) => typeof f.value === 'number' && f.value > 0)).toBe(
      true,
    )
  })

  it('custom_field, long form, from person properties by email domain: public mail unmatched, one value per account', async () => {
    const client = clientOf(emulator())
    const { directory } = await companiesDirectory(client)
    const sink = createMemoryRecordSink()
    const definition = customFieldQuery({
      hogql:
        "select properties.email as email, 'segment' as field, properties.role as value from persons order by email limit 5000",
      mapping: {
        account: { resolver: 'email_domain', column: 'email' },
        form: 'long',
        fieldColumn: 'field',
        valueColumn: 'value',
      },
    })
    const report = await runSync(definition, { client, sink, catalog: exampleCatalog, directory })
    expect(report.status).toBe('partial')
    // People on gmail.com and other public domains say nothing about their company.
    expect(report.counts.unmatched).toBeGreaterThan(0)
    const unmatched = report.reasons.find((r) => r.reason === RejectReason.UnmatchedAccount)
    expect(unmatched?.samples[0]?.message).toContain('public_email_domain')
    expect(unmatched?.samples[0]?.rowData.email).toMatch(
      /@(gmail\.com|outlook\.com|yahoo\.com|proton\.me|hotmail\.com)$/,
    )
    // Several people per company give the same (account, field): the first is kept, the others reported.
    expect(report.counts.byReason.duplicate_key).toBeGreaterThan(0)
    const accountIds = sink.records('custom_field').map((r) => r.accountId)
    expect(new Set(accountIds).size).toBe(accountIds.length)
    expect(report.counts.written + report.counts.rejected).toBe(report.counts.read)
  })

  it('custom_object: feature adoption per organisation, attributes coerced', async () => {
    const client = clientOf(emulator())
    const { directory } = await companiesDirectory(client)
    const sink = createMemoryRecordSink()
    const definition = customObjectQuery({
      hogql: `select $group_0 as org_id, concat($group_0, ':', event) as key, event as feature,
                uniq(person_id) as users, min(timestamp) as first_used
              from events where $group_0 != '' and event in ('report_exported', 'dashboard_created', 'export_scheduled')
              group by org_id, event`,
      mapping: {
        account: { resolver: 'org_id', column: 'org_id' },
        objectType: 'feature_adoption',
        keyColumn: 'key',
        attributes: [
          { column: 'feature', attribute: 'feature' },
          { column: 'users', attribute: 'users' },
          { column: 'first_used', attribute: 'first_used' },
        ],
      },
    })
    const report = await runSync(definition, { client, sink, catalog: exampleCatalog, directory })
    expect(report.status).toBe('succeeded')
    const objects = sink.records('custom_object')
    expect(objects.length).toBe(report.counts.read)
    expect(objects.length).toBeGreaterThan(10)
    for (const o of objects) {
      expect(o.key).toBe(`${o.accountRef}:${o.attributes.feature}`)
      expect(o.attributes.users).toBeGreaterThan(0)
      expect(o.attributes.first_used).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('product_usage in a non-UTC project: offset timestamps are written as UTC instants', async () => {
    const berlin = clientOf(emulator(), { projectId: emulator().projects.berlin })
    const { directory } = await companiesDirectory(berlin)
    const sink = createMemoryRecordSink()
    const definition = productUsageQuery({
      hogql: USAGE_BY_ORG.replace('toStartOfDay(timestamp) as day', 'toStartOfHour(timestamp) as day'),
    })
    const window = await lastWeek(berlin)
    const report = await runSync(definition, { client: berlin, sink, catalog: exampleCatalog, directory }, { window })
    expect(report.status).toBe('succeeded')
    const records = sink.records('product_usage')
    expect(records.length).toBeGreaterThan(0)
    // PostHog writes the project's zone (+01:00/+02:00); the records hold the same instants in UTC.
    expect(records.every((r) => r.timestamp.endsWith('Z'))).toBe(true)
    const { results } = await berlin.query<[string]>(
      "select toStartOfHour(timestamp) from events where $group_0 != '' order by timestamp desc limit 1",
    )
    const written = results[0]?.[0] ?? ''
    expect(written).toMatch(/\+0[12]:00$/)
    expect(records.some((r) => Date.parse(r.timestamp) === Date.parse(written))).toBe(true)
  })

  it('a daily aggregate synced run after run with a grain ends as one read of the whole range (Berlin project)', async () => {
    const berlin = clientOf(emulator(), { projectId: emulator().projects.berlin })
    const { directory } = await companiesDirectory(berlin)
    const timeZone = (await berlin.testConnection()).project?.timezone ?? undefined
    expect(timeZone).toBe('Europe/Berlin')
    const definition = productUsageQuery({ hogql: USAGE_BY_ORG, grain: 'day' })
    const cadence = { kind: 'every_minutes', minutes: 60, timeZone: 'UTC' } as const
    const { end } = await lastWeek(berlin)
    const from = new Date(end.getTime() - 6 * 86_400_000 - 5_813_000)

    // Scheduled runs at odd times of day (every 9 h 47 min), each from the last run's watermark.
    const incremental = createMemoryRecordSink()
    let watermark = from
    let runs = 0
    while (watermark < end) {
      const scheduledAt = new Date(Math.min(end.getTime(), watermark.getTime() + 35_220_000))
      const window = runWindow(cadence, { scheduledAt, watermark, grain: definition.grain, timeZone })
      const ports = { client: berlin, sink: incremental, catalog: exampleCatalog, directory }
      const report = await runSync(definition, ports, { window, timeZone })
      expect(report.status).toBe('succeeded')
      watermark = window.end
      runs++
    }
    expect(runs).toBeGreaterThan(10)

    const once = createMemoryRecordSink()
    const whole = runWindow(cadence, { scheduledAt: end, watermark: from, grain: definition.grain, timeZone })
    const ports = { client: berlin, sink: once, catalog: exampleCatalog, directory }
    expect((await runSync(definition, ports, { window: whole, timeZone })).status).toBe('succeeded')
    expect(once.records('product_usage').length).toBeGreaterThan(50)
    // The same keys with the same values; `row` (the row's number within its run) naturally differs.
    const contents = (sink: typeof once) =>
      Object.fromEntries(
        Object.entries(sink.snapshot().product_usage).map(([key, { row: _, ...record }]) => [key, record]),
      )
    expect(contents(incremental)).toEqual(contents(once))
  })

  it('fails before writing when the query does not return a mapped column', async () => {
    const client = clientOf(emulator())
    const { directory } = await companiesDirectory(client)
    const sink = createMemoryRecordSink()
    const definition = productUsageQuery({ hogql: USAGE_BY_ORG.replace('count() as value', 'count() as cnt') })
    const report = await runSync(
      definition,
      { client, sink, catalog: exampleCatalog, directory },
      { window: await lastWeek(client) },
    )
    expect(report.status).toBe('failed')
    expect(report.error?.code).toBe('missing_columns')
    expect(report.error?.message).toContain('"cnt"')
    expect(sink.writes).toBe(0)
  })

  it('reports a HogQL error with the client code and runs the tenant next query anyway', async () => {
    const client = clientOf(emulator())
    const { directory } = await companiesDirectory(client)
    const sink = createMemoryRecordSink()
    const window = await lastWeek(client)
    const broken = productUsageQuery({
      id: 'broken',
      hogql: USAGE_BY_ORG.replace('event as metric', 'no_such_field as metric'),
    })
    const usage = productUsageQuery({ id: 'usage', hogql: USAGE_BY_ORG })
    const result = await runTenant(
      { tenantId: 't1', trackingEnabled: true, savedQueries: [broken, usage] },
      { client, sink, catalog: exampleCatalog, directory },
      { windowFor: () => window },
    )
    expect(result.reports.map((r) => r.status)).toEqual(['failed', 'succeeded'])
    expect(result.reports[0]?.error?.code).toMatch(/hogql/)
    expect(result.reports[0]?.error?.message).toContain('no_such_field')
  })
})
