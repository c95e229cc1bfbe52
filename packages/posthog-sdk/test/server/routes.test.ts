import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  dryRunResponseSchema,
  getSchemaResponseSchema,
  isApiError,
  previewResponseSchema,
  validateHogQLResponseSchema,
} from '../../src/api/index'
import { productUsageQuery } from '../../src/testing/index'
import { rejectsFixture, runFixture } from './fixtures'
import { emulatorOrgIds, type Harness, logLines, startHarness } from './harness'

let h: Harness
const usageHogql =
  'SELECT `$group_0` AS org_id, toStartOfDay(timestamp) AS day, count() AS value FROM events GROUP BY org_id, day ORDER BY day, org_id'

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

describe('connection routes', () => {
  it('saves (after testing) and shows only a key hint', async () => {
    const api = h.client('acme')
    expect(await api.getConnection()).toBeNull()
    const view = await api.saveConnection({
      apiHost: h.emulator.url,
      projectId: h.emulator.projectId,
      personalApiKey: h.emulator.keys.full,
    })
    expect(view).toMatchObject({ apiHost: h.emulator.url, projectId: h.emulator.projectId, keyHint: 'phx_…cess' })
    expect(await api.getConnection()).toEqual(view)
  })

  it('tests the saved connection and reports project and scopes', async () => {
    const result = await h.client('acme').testConnection()
    expect(result.project).toMatchObject({ id: h.emulator.projectId, name: 'Default project', timeZone: 'UTC' })
    expect(result.scopes['query:read']).toBe('granted')
    expect(result.keyScopes).toEqual(['*'])
  })

  it('reports a bad key as authentication on the key field, without saving it', async () => {
    const api = h.client('acme')
    const error = await api
      .saveConnection({
        apiHost: h.emulator.url,
        projectId: h.emulator.projectId,
        personalApiKey: h.emulator.keys.revoked,
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'authentication', status: 422, issues: [{ path: 'personalApiKey' }] })
    expect((await api.getConnection())?.keyHint).toBe('phx_…cess')
  })

  it('reports a key without query:read as permission', async () => {
    const error = await h
      .client('acme')
      .testConnection({
        apiHost: h.emulator.url,
        projectId: h.emulator.projectId,
        personalApiKey: h.emulator.keys.noQuery,
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'permission', status: 422 })
  })

  it('never sends the saved key to a host the user just typed', async () => {
    const error = await h
      .client('acme')
      .testConnection({ apiHost: 'http://127.0.0.1:9' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, issues: [{ path: 'personalApiKey' }] })
  })

  it('keeps the saved key when saving without one for the same host', async () => {
    const view = await h
      .client('acme')
      .saveConnection({ apiHost: h.emulator.url, projectId: h.emulator.projectId, verify: true })
    expect(view.keyHint).toBe('phx_…cess')
  })
})

describe('HogQL routes', () => {
  it('serves the schema for the editor', async () => {
    const schema = getSchemaResponseSchema.parse(await h.client('acme').getSchema())
    const events = schema.tables.find((table) => table.name === 'events')
    expect(events?.fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(['event', 'timestamp', 'properties']),
    )
  })

  it('validates HogQL with positions', async () => {
    const api = h.client('acme')
    expect((await api.validateHogQL({ hogql: 'select event from events' })).isValid).toBe(true)
    const bad = validateHogQLResponseSchema.parse(
      await api.validateHogQL({ hogql: 'select no_such_field from events' }),
    )
    expect(bad.isValid).toBe(false)
    expect(bad.errors[0]?.start).toBeTypeOf('number')
  })

  it('previews with an explicit row cap, types, timing and the HogQL sent', async () => {
    const preview = previewResponseSchema.parse(await h.client('acme').preview({ hogql: usageHogql, limit: 150 }))
    expect(preview.columns).toEqual(['org_id', 'day', 'value'])
    expect(preview.types).toHaveLength(3)
    expect(preview.rows).toHaveLength(150)
    expect(preview).toMatchObject({ truncated: true, truncatedReason: 'row_cap', limit: 150 })
    expect(preview.hogql).toContain('LIMIT 151')
    expect(preview.elapsedMs).toBeGreaterThanOrEqual(0)
  })

  it('says when a preview holds everything', async () => {
    const preview = await h.client('acme').preview({ hogql: 'select event from events group by event limit 3' })
    expect(preview).toMatchObject({ truncated: false, truncatedReason: null })
    expect(preview.rows).toHaveLength(3)
  })

  it("caps a query's own larger LIMIT at the preview's row cap", async () => {
    const preview = await h.client('acme').preview({ hogql: 'select uuid from events limit 5000', limit: 10 })
    expect(preview.hogql).toMatch(/^SELECT \* FROM \(\n[\s\S]*\n\)\nLIMIT 11$/)
    expect(preview.rows).toHaveLength(10)
    expect(preview).toMatchObject({ truncated: true, truncatedReason: 'row_cap' })
  })

  it('fills {period_start}/{period_end} with the last 24 hours unless a window is given', async () => {
    const hogql = 'select count() as n from events where timestamp >= {period_start} and timestamp < {period_end}'
    const preview = await h.client('acme').preview({
      hogql,
      window: { start: '2026-01-01T00:00:00Z', end: '2026-12-31T00:00:00Z' },
    })
    expect(preview.window).toEqual({ start: '2026-01-01T00:00:00.000Z', end: '2026-12-31T00:00:00.000Z' })
    expect(Number(preview.rows[0]?.[0])).toBeGreaterThan(0)
  })

  it('passes HogQL errors through with their code, on the hogql field', async () => {
    const error = await h
      .client('acme')
      .preview({ hogql: 'select no_such_field from events' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'hogql_resolution', status: 422, issues: [{ path: 'hogql' }] })
  })

  it('dry-runs a definition on a fresh preview with the resolver match rate', async () => {
    const orgs = await emulatorOrgIds(h.emulator, 40)
    h.accounts.set(
      'acme',
      orgs.slice(0, 20).map((org, i) => ({ id: `acc_${i}`, name: `Company ${i}`, orgIds: [org] })),
    )
    const definition = productUsageQuery({
      hogql: usageHogql,
      mapping: {
        account: { resolver: 'org_id', column: 'org_id' },
        timestampColumn: 'day',
        valueColumn: 'value',
        metric: { name: 'events' },
      },
    })
    const report = dryRunResponseSchema.parse(await h.client('acme').dryRun({ definition, limit: 200 }))
    expect(report.rowsRead).toBe(200)
    expect(report.hogql).toContain('LIMIT 201')
    expect(report.records.length).toBeGreaterThan(0)
    expect(report.rejects.length).toBeGreaterThan(0)
    expect(report.records.length + report.rejects.length).toBe(200)
    expect(report.resolver?.matchRate).toBeGreaterThan(0)
    expect(report.resolver?.matchRate).toBeLessThan(1)
  })

  it('dry-runs against a sample the browser already has, without calling PostHog', async () => {
    h.accounts.set('acme', [{ id: 'acc_1', name: 'One', orgIds: ['org_a'] }])
    const definition = productUsageQuery({
      hogql: usageHogql,
      mapping: { ...productUsageQuery().mapping, metric: { name: 'n' } },
    })
    const report = await h.client('acme').dryRun({
      definition,
      sample: {
        columns: ['org_id', 'day', 'value'],
        types: ['String', "DateTime('UTC')", 'UInt64'],
        rows: [
          ['org_a', '2026-05-01T00:00:00Z', 3],
          ['org_b', '2026-05-01T00:00:00Z', 4],
          ['org_a', 'not a date', 5],
        ],
      },
    })
    expect(report.hogql).toBeNull()
    expect(report.records).toHaveLength(1)
    expect(report.rejects.map((reject) => reject.reason).sort()).toEqual(['bad_timestamp', 'unmatched_account'])
    expect(report.resolver).toMatchObject({ total: 2, matched: 1, matchRate: 0.5 })
  })
})

describe('query routes', () => {
  const definition = productUsageQuery({ id: 'daily-events', name: 'Daily events', hogql: usageHogql })

  it('saves, lists, gets, enables and deletes, telling the scheduler each time', async () => {
    const api = h.client('acme')
    const saved = await api.saveQuery(definition)
    expect(saved).toMatchObject({ definition: { id: 'daily-events', enabled: true }, lastRun: null })
    expect((await api.listQueries()).map((query) => query.definition.id)).toEqual(['daily-events'])
    expect((await api.getQuery('daily-events')).definition.name).toBe('Daily events')

    const disabled = await api.setQueryEnabled('daily-events', false)
    expect(disabled.definition.enabled).toBe(false)
    expect(disabled.createdAt).toBe(saved.createdAt)

    const run = await api.runQuery('daily-events')
    expect(run.runId).toMatch(/^run_/)
    await api.deleteQuery('daily-events')
    await expect(api.getQuery('daily-events')).rejects.toMatchObject({ code: 'query_not_found', status: 404 })
    await expect(api.deleteQuery('daily-events')).rejects.toMatchObject({ code: 'query_not_found' })

    expect(h.scheduler.events.filter((event) => event.tenantId === 'acme').map((event) => event.type)).toEqual([
      'query_saved',
      'query_enabled_changed',
      'query_deleted',
    ])
    expect(h.scheduler.runRequests.at(-1)).toMatchObject({
      tenantId: 'acme',
      queryId: 'daily-events',
      runId: run.runId,
    })
  })

  it('refuses a mapping the catalog does not offer, naming the field', async () => {
    const error = await h
      .client('acme')
      .saveQuery({
        ...definition,
        mapping: { ...definition.mapping, account: { resolver: 'custom_field:nope', column: 'org_id' } },
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'not_in_catalog',
      status: 400,
      issues: [{ path: 'definition.mapping.account.resolver' }],
    })
  })

  it('refuses a definition whose id differs from the path', async () => {
    const response = await h.raw('/queries/other-id', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ definition }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { issues: [{ path: 'definition.id' }] } })
  })
})

describe('run routes', () => {
  beforeAll(async () => {
    for (let i = 0; i < 5; i++) {
      await h.runs.save(
        'acme',
        runFixture({ id: `run_${i}`, queryId: i % 2 ? 'q-odd' : 'q-even', startedAt: `2026-03-0${i + 1}T00:00:00Z` }),
      )
    }
    await h.runs.addRejects('acme', 'run_4', rejectsFixture(7))
  })

  it('pages runs newest first by cursor, optionally by query', async () => {
    const api = h.client('acme')
    const first = await api.listRuns({ limit: 2 })
    expect(first.runs.map((run) => run.id)).toEqual(['run_4', 'run_3'])
    const second = await api.listRuns({ limit: 2, cursor: first.nextCursor ?? '' })
    expect(second.runs.map((run) => run.id)).toEqual(['run_2', 'run_1'])
    const third = await api.listRuns({ limit: 2, cursor: second.nextCursor ?? '' })
    expect(third).toMatchObject({ runs: [{ id: 'run_0' }], nextCursor: null })
    expect((await api.listRuns({ queryId: 'q-odd' })).runs.map((run) => run.id)).toEqual(['run_3', 'run_1'])
  })

  it('gets one run and pages its rejects', async () => {
    const api = h.client('acme')
    expect(await api.getRun('run_4')).toMatchObject({ status: 'partial', counts: { read: 10 } })
    const page = await api.listRunRejects('run_4', { limit: 5 })
    expect(page).toMatchObject({ total: 7 })
    expect(page.rejects.map((reject) => reject.row)).toEqual([1, 2, 3, 4, 5])
    const rest = await api.listRunRejects('run_4', { limit: 5, cursor: page.nextCursor ?? '' })
    expect(rest.rejects.map((reject) => reject.row)).toEqual([6, 7])
    expect(rest.nextCursor).toBeNull()
  })

  it('serves the rejects as CSV, with formula-looking cells neutralised', async () => {
    const csv = await h.client('acme').getRunRejectsCsv('run_4')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('row,column,value,reason,message,row_data')
    expect(lines).toHaveLength(8)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    const response = await h.raw('/runs/run_4/rejects.csv')
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  })

  it('answers 404 for unknown runs and 400 for a forged cursor', async () => {
    const api = h.client('acme')
    await expect(api.getRun('nope')).rejects.toMatchObject({ code: 'run_not_found', status: 404 })
    await expect(api.getRunRejectsCsv('nope')).rejects.toMatchObject({ code: 'run_not_found', status: 404 })
    await expect(api.listRuns({ cursor: 'garbage!!' })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'cursor' }],
    })
  })
})

describe('catalog, routing and auth', () => {
  it('serves the catalog', async () => {
    const catalog = await h.client('acme').getCatalog()
    expect(catalog.resolvers).toContain('org_id')
    expect(catalog.objectTypes[0]?.key).toBe('feature_adoption')
  })

  it('answers 404 for unknown routes, 405 with Allow for wrong methods', async () => {
    const unknown = await h.raw('/nope')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { code: 'route_not_found' } })
    const outside = await h.handler(
      new Request('http://host.test/elsewhere/connection', { headers: { 'x-tenant': 'acme' } }),
    )
    expect(outside.status).toBe(404)
    const wrong = await h.raw('/catalog', { method: 'POST' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET')
  })

  it('answers 401 without a session and 403 for a refused tenant', async () => {
    expect((await h.raw('/catalog', { tenant: '' })).status).toBe(401)
    const forbidden = await h.raw('/catalog', { tenant: 'initech' })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('deletes the connection and its sealed key', async () => {
    const api = h.client('acme')
    await api.deleteConnection()
    expect(await api.getConnection()).toBeNull()
    await expect(api.getSchema()).rejects.toMatchObject({ code: 'connection_not_found', status: 404 })
    expect([...h.secretBytes.raw.keys()].some((slot) => slot.startsWith('acme/'))).toBe(false)
  })
})

describe('secrets', () => {
  it('never puts any emulator key in a response body or a log line, and never stores one in the clear', () => {
    const keys = Object.values(h.emulator.keys)
    const everything = [...h.bodies, ...logLines(h.logger)]
    expect(h.bodies.length).toBeGreaterThan(30)
    for (const key of keys) {
      for (const text of everything) expect(text).not.toContain(key)
    }
    for (const bytes of h.secretBytes.raw.values()) {
      const latin1 = new TextDecoder('latin1').decode(bytes)
      for (const key of keys) expect(latin1).not.toContain(key.slice(4))
    }
    expect(isApiError(new Error('x'))).toBe(false)
  })
})
