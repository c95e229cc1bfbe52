import type { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import { defaultCatalog } from '../config/defaultCatalog'
import type { WorkerDatabase } from '../db/openDatabase'
import { createWorkerStores, type WorkerStoreSet } from '../store/createWorkerStores'
import { runFixture } from '../store/runStoreContract'
import { bearerTokenAuthorize, createWorkerServer } from './createWorkerServer'
import { IMPORTED_DATA_LIMITS, importedDataRoutes } from './importedDataRoutes'
import { encodeCursor } from './pageCursor'

// biome-ignore lint/suspicious/noExplicitAny: the expectations check the bodies' shapes, field by field
type Body = Record<string, any>

const DAY = 86_400_000
const START = Date.parse('2026-06-01T00:00:00Z')

/** Five accounts; acc_2 gets 30 days of two metrics, fields and objects; acc_4 only a field. */
async function seed(stores: WorkerStoreSet, database: WorkerDatabase) {
  await stores.tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true })
  await stores.tenants.put({ id: 'globex', name: 'Globex', trackingEnabled: true })
  await stores.accounts.upsertMany(
    'acme',
    [1, 2, 3, 4, 5].map((n) => ({
      id: `acc_${n}`,
      name: `Company ${n}`,
      domains: [`c${n}.example`],
      crmIds: [`crm_${n}`],
      orgIds: [`org_${n}`],
    })),
  )
  await stores.accounts.upsertMany('globex', [{ id: 'acc_9', name: 'Hidden' }])
  await stores.runs().save('acme', runFixture({ id: 'run_a', queryId: 'q_usage', startedAt: '2026-07-01T00:00:00Z' }))
  await stores.runs().save(
    'acme',
    runFixture({
      id: 'run_b',
      queryId: 'q_fields',
      queryName: 'Plan per account',
      type: 'custom_field',
      status: 'succeeded',
      startedAt: '2026-07-02T00:00:00Z',
    }),
  )
  const usage = ['logins', 'exports'].flatMap((metric) =>
    Array.from({ length: 30 }, (_, day) => {
      const ms = START + day * DAY
      return {
        tenant_id: 'acme',
        account_id: 'acc_2',
        metric,
        ts: new Date(ms).toISOString(),
        ts_ms: ms,
        value: day + (metric === 'logins' ? 100 : 0),
        query_id: 'q_usage',
        // The last ten days come from a run the history no longer holds.
        run_id: day < 20 ? 'run_a' : 'run_gone',
      }
    }),
  )
  await database.db.insertInto('product_usage').values(usage).execute()
  // Another tenant's row with an account id that also exists in acme: never counted for acme.
  await database.db
    .insertInto('product_usage')
    .values({ ...(usage[0] as (typeof usage)[number]), tenant_id: 'globex' })
    .execute()
  const by = { tenant_id: 'acme', query_id: 'q_fields', run_id: 'run_b' }
  await database.db
    .insertInto('custom_field_values')
    .values([
      { ...by, account_id: 'acc_2', field: 'plan', value: '"growth"' },
      { ...by, account_id: 'acc_2', field: 'employees', value: '120' },
      { ...by, account_id: 'acc_2', field: 'segment', value: 'null' },
      { ...by, account_id: 'acc_4', field: 'plan', value: '"free"' },
    ])
    .execute()
  await database.db
    .insertInto('custom_object_records')
    .values(
      ['search', 'export', 'dashboards'].map((feature) => ({
        tenant_id: 'acme',
        object_type: 'feature_adoption',
        key: `org_2/${feature}`,
        account_id: 'acc_2',
        attributes: JSON.stringify({ feature, users: feature.length }),
        query_id: 'q_objects',
        run_id: 'run_a',
      })),
    )
    .execute()
}

describe.each(dialects)('importedDataRoutes on %s', (kind) => {
  let database: WorkerDatabase
  let app: Hono
  let token: string
  let otherToken: string
  const get = async (path: string, bearer: string | null = token) => {
    const response = await app.request(path, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {})
    return { status: response.status, body: (await response.json()) as Body }
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind)
    const stores = createWorkerStores(database, { sealingKey: new Uint8Array(32).fill(3), catalog: defaultCatalog })
    await seed(stores, database)
    token = await stores.tenants.issueToken('acme')
    otherToken = await stores.tenants.issueToken('globex')
    const authorize = bearerTokenAuthorize((t) => stores.tenants.findByToken(t))
    app = createWorkerServer({
      handler: async () => new Response(null, { status: 204 }),
      ready: async () => {},
      authorize,
      routes: importedDataRoutes(stores.data),
    })
  })
  afterEach(() => database.close())

  it('refuses requests without the tenant’s token, with the authorize message', async () => {
    const none = await get('/api/imported/accounts', null)
    expect(none.status).toBe(401)
    expect(none.body.error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/Bearer/) })
    expect((await get('/api/imported/summary', 'sfw_forged')).status).toBe(401)
  })

  it('sums up the tenant’s accounts and imported rows, and only the tenant’s', async () => {
    expect((await get('/api/imported/summary')).body).toEqual({
      totals: { accounts: 5, accountsWithData: 2, usage: 60, fields: 4, objects: 3 },
    })
    expect((await get('/api/imported/summary', otherToken)).body.totals).toEqual({
      accounts: 1,
      accountsWithData: 1,
      usage: 1,
      fields: 0,
      objects: 0,
    })
  })

  it('lists accounts in id order with their counts, page by page until nextCursor is null', async () => {
    const seen: Array<{ id: string; counts: unknown }> = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: { status: number; body: Body } = await get(
        `/api/imported/accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(page.status).toBe(200)
      expect(page.body.accounts.length).toBeLessThanOrEqual(2)
      seen.push(...page.body.accounts)
      cursor = page.body.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen.map((a) => a.id)).toEqual(['acc_1', 'acc_2', 'acc_3', 'acc_4', 'acc_5'])
    expect(seen[1]).toMatchObject({
      name: 'Company 2',
      domains: ['c2.example'],
      crmIds: ['crm_2'],
      orgIds: ['org_2'],
      counts: { usage: 60, metrics: 2, fields: 3, objects: 3 },
    })
    expect(seen[3]?.counts).toEqual({ usage: 0, metrics: 0, fields: 1, objects: 0 })
    expect(seen[0]?.counts).toEqual({ usage: 0, metrics: 0, fields: 0, objects: 0 })
    // Exactly a full last page ends with null, not with a cursor to an empty page.
    expect((await get('/api/imported/accounts?limit=5')).body.nextCursor).toBeNull()
  })

  it('gives one account with its metrics, and 404 for an account not in the directory', async () => {
    const { body } = await get('/api/imported/accounts/acc_2')
    expect(body.account.metrics).toEqual([
      { metric: 'exports', points: 30, firstMs: START, lastMs: START + 29 * DAY },
      { metric: 'logins', points: 30, firstMs: START, lastMs: START + 29 * DAY },
    ])
    const missing = await get('/api/imported/accounts/acc_9')
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ code: 'account_not_found', message: expect.stringContaining('acc_9') })
    expect((await get('/api/imported/accounts/acc_9/usage')).status).toBe(404)
  })

  it('pages an account’s usage by metric and time, filters it, and names the run that wrote each page', async () => {
    const points: Array<{ metric: string; timestampMs: number; value: number; runId: string }> = []
    let cursor: string | null = null
    do {
      const page: { status: number; body: Body } = await get(
        `/api/imported/accounts/acc_2/usage?limit=25${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(page.body.usage.length).toBeLessThanOrEqual(25)
      for (const runId of new Set(page.body.usage.map((p: { runId: string }) => p.runId))) {
        if (runId === 'run_gone') expect(page.body.runs[runId as string]).toBeUndefined()
        else expect(page.body.runs[runId as string]).toMatchObject({ id: runId, queryId: 'q_usage' })
      }
      points.push(...page.body.usage)
      cursor = page.body.nextCursor
    } while (cursor)
    expect(points).toHaveLength(60)
    expect(points.map((p) => `${p.metric}@${p.timestampMs}`)).toEqual([
      ...Array.from({ length: 30 }, (_, d) => `exports@${START + d * DAY}`),
      ...Array.from({ length: 30 }, (_, d) => `logins@${START + d * DAY}`),
    ])
    const first = await get('/api/imported/accounts/acc_2/usage?limit=1')
    expect(first.body.runs.run_a).toEqual({
      id: 'run_a',
      queryId: 'q_usage',
      queryName: 'Daily events',
      type: 'product_usage',
      status: 'partial',
      trigger: 'schedule',
      startedAt: '2026-07-01T00:00:00Z',
      finishedAt: '2026-07-01T00:00:00Z',
    })

    const window = await get(
      '/api/imported/accounts/acc_2/usage?metric=logins&from=2026-06-03T00:00:00Z&to=2026-06-05T00:00:00Z',
    )
    expect(window.body.usage.map((p: { value: number }) => p.value)).toEqual([102, 103])
    expect(window.body.nextCursor).toBeNull()
    expect((await get('/api/imported/accounts/acc_1/usage')).body).toEqual({ usage: [], runs: {}, nextCursor: null })
  })

  it('pages custom fields and custom objects with the run that wrote them', async () => {
    const fields = await get('/api/imported/accounts/acc_2/fields?limit=2')
    expect(fields.body.fields).toEqual([
      { field: 'employees', value: 120, queryId: 'q_fields', runId: 'run_b' },
      { field: 'plan', value: 'growth', queryId: 'q_fields', runId: 'run_b' },
    ])
    expect(fields.body.runs.run_b).toMatchObject({ queryName: 'Plan per account', type: 'custom_field' })
    const rest = await get(`/api/imported/accounts/acc_2/fields?limit=2&cursor=${fields.body.nextCursor}`)
    expect(rest.body).toMatchObject({ fields: [{ field: 'segment', value: null }], nextCursor: null })

    const objects = await get('/api/imported/accounts/acc_2/objects?objectType=feature_adoption')
    expect(objects.body.objects.map((o: { key: string }) => o.key)).toEqual([
      'org_2/dashboards',
      'org_2/export',
      'org_2/search',
    ])
    expect(objects.body.objects[0]).toEqual({
      objectType: 'feature_adoption',
      key: 'org_2/dashboards',
      attributes: { feature: 'dashboards', users: 10 },
      queryId: 'q_objects',
      runId: 'run_a',
    })
    expect((await get('/api/imported/accounts/acc_2/objects?objectType=other')).body.objects).toEqual([])
  })

  it('answers bad parameters with 400 naming the parameter and what to send', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/api/imported/accounts?limit=0', 'limit', /at least 1/],
      ['/api/imported/accounts?limit=ten', 'limit', /whole number/],
      ['/api/imported/accounts?limit=2.5', 'limit', /whole number/],
      [`/api/imported/accounts?limit=${IMPORTED_DATA_LIMITS.accounts.max + 1}`, 'limit', /at most 200/],
      ['/api/imported/accounts?page=2', '(query)', /Unknown parameter 'page'/],
      ['/api/imported/accounts?cursor=not*base64', 'cursor', /not one this API issued/],
      // A cursor of another route (an account id where a usage key belongs) is refused, not misread.
      [`/api/imported/accounts/acc_2/usage?cursor=${encodeCursor('acc_2')}`, 'cursor', /not one this API issued/],
      ['/api/imported/accounts/acc_2/usage?from=yesterday', 'from', /ISO 8601/],
      ['/api/imported/accounts/acc_2/usage?from=2026-06-05&to=2026-06-01', 'to', /before/],
      ['/api/imported/accounts/acc_2/usage?metric=', 'metric', /not be empty/],
      ['/api/imported/accounts/acc_2/objects?objectType=%20', 'objectType', /not be empty/],
      ['/api/imported/summary?x=1', '(query)', /Unknown parameter 'x'/],
    ]
    for (const [path, param, message] of cases) {
      const { status, body } = await get(path)
      expect(status, path).toBe(400)
      expect(body.error.code, path).toBe('invalid_request')
      expect(body.error.issues[0], path).toMatchObject({ path: param, message: expect.stringMatching(message) })
    }
  })
})
