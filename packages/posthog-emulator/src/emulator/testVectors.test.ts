import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './startEmulator'

// The reference's test vectors TV1..TV20 (shared/reference/posthog-api.md), over real HTTP.
let emu: Emulator
const SIZE = 20_000
const END = '2026-11-01'

beforeAll(async () => {
  emu = await startEmulator({ size: SIZE, endDate: END })
}, 120_000)
afterAll(async () => {
  await emu?.close()
})

async function call(path: string, init: { method?: string; key?: string | null; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const key = init.key === undefined ? emu.keys.full : init.key
  if (key !== null) headers.Authorization = `Bearer ${key}`
  const response = await fetch(`${emu.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Record<string, unknown> }
}

const hogql = (query: string, extra: Record<string, unknown> = {}) => ({
  query: { kind: 'HogQLQuery', query, ...extra },
})
const queryPath = () => `/api/projects/${emu.projectId}/query/`

describe('test vectors', () => {
  it('TV1: explicit LIMIT answers every PostHog key, no hasMore', async () => {
    const body = {
      ...hogql('select event, count() as c from events group by event order by c desc limit 2'),
      refresh: 'blocking',
      name: 'top events',
    }
    const res = await call(queryPath(), { key: emu.keys.queryOnly, body })
    expect(res.status).toBe(200)
    expect(Object.keys(res.json)).toEqual([
      'results',
      'columns',
      'types',
      'hogql',
      'clickhouse',
      'query',
      'timings',
      'modifiers',
      'error',
      'explain',
      'metadata',
      'hasMore',
      'limit',
      'offset',
      'query_status',
      'is_cached',
      'last_refresh',
      'next_allowed_client_refresh',
      'cache_target_age',
      'cache_key',
      'timezone',
    ])
    const results = res.json.results as [string, number][]
    expect(results).toHaveLength(2)
    expect(results[0]![0]).toBe('$pageview')
    expect(results[0]![1]).toBeGreaterThan(results[1]![1])
    expect(res.json).toMatchObject({
      columns: ['event', 'c'],
      types: [
        ['event', 'String'],
        ['c', 'UInt64'],
      ],
      hogql: 'SELECT event, count() AS c FROM events GROUP BY event ORDER BY c DESC LIMIT 2',
      clickhouse:
        'SELECT events.event AS event, count() AS c FROM events WHERE equals(events.team_id, 12345) GROUP BY events.event ORDER BY c DESC LIMIT 2 SETTINGS readonly=2, max_execution_time=10',
      query: 'select event, count() as c from events group by event order by c desc limit 2',
      modifiers: {},
      error: null,
      hasMore: null,
      limit: null,
      offset: null,
      query_status: null,
      is_cached: false,
      timezone: 'UTC',
    })
    expect((res.json.timings as { k: string }[]).map((t) => t.k)).toEqual(['./query', './clickhouse_execute', '.'])
    expect(res.json.last_refresh).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  })

  it('TV2: no LIMIT fetches 101, returns 100 with hasMore', async () => {
    const res = await call(queryPath(), { body: hogql('select distinct_id, timestamp from events order by timestamp') })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      columns: ['distinct_id', 'timestamp'],
      types: [
        ['distinct_id', 'String'],
        ['timestamp', "DateTime64(6, 'UTC')"],
      ],
      hogql: 'SELECT distinct_id, timestamp FROM events ORDER BY timestamp ASC LIMIT 101 OFFSET 0',
      hasMore: true,
      limit: 100,
      offset: 0,
    })
    const rows = res.json.results as [string, string][]
    expect(rows).toHaveLength(100)
    for (const [, ts] of rows) expect(ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/)
    expect(rows.some(([, ts]) => !ts.includes('.'))).toBe(true)
  })

  it('TV2b: hasMore is false when everything fits', async () => {
    const res = await call(queryPath(), { body: hogql("select distinct event from events where event = '$pageview'") })
    expect(res.json).toMatchObject({ results: [['$pageview']], hasMore: false, limit: 100, offset: 0 })
  })

  it('TV3: values placeholders are inlined as constants', async () => {
    const since = '2026-09-01'
    const withValues = await call(queryPath(), {
      body: hogql('select count() from events where event = {ev} and timestamp >= {since}', {
        values: { ev: '$pageview', since },
      }),
    })
    const inline = await call(queryPath(), {
      body: hogql(`select count() from events where event = '$pageview' and timestamp >= '${since}'`),
    })
    expect(withValues.json).toMatchObject({
      columns: ['count()'],
      types: [['count()', 'UInt64']],
      error: null,
      query_status: null,
    })
    expect(withValues.json.results).toEqual(inline.json.results)
    expect((withValues.json.results as number[][])[0]![0]).toBeGreaterThan(0)
  })

  it('substitutes {filters} (date range and property filters) like an inline WHERE', async () => {
    const filters = {
      dateRange: { date_from: '2026-09-01', date_to: '2026-10-01' },
      properties: [{ key: '$browser', value: 'Chrome', operator: 'exact', type: 'event' }],
    }
    const withFilters = await call(queryPath(), {
      body: hogql('select count() from events where {filters}', { filters }),
    })
    const inline = await call(queryPath(), {
      body: hogql(
        "select count() from events where properties.$browser = 'Chrome' and timestamp >= '2026-09-01' and timestamp < '2026-10-01'",
      ),
    })
    expect(withFilters.status).toBe(200)
    expect(withFilters.json.results).toEqual(inline.json.results)
    expect((inline.json.results as number[][])[0]![0]).toBeGreaterThan(0)
  })

  it('TV3b: a quote in a value cannot break out of the constant', async () => {
    const res = await call(queryPath(), { body: hogql('select {x} as x', { values: { x: "a' OR 1=1 --" } }) })
    expect(res.json.results).toEqual([["a' OR 1=1 --"]])
  })

  it('TV4: syntax error', async () => {
    const res = await call(queryPath(), { body: hogql('selec event from events') })
    expect(res.status).toBe(400)
    expect(res.text).toBe(
      `{"type":"validation_error","code":"hogql_syntax_error","detail":"mismatched input 'selec' expecting {SELECT, WITH, '{', '(', '<'}","attr":null}`,
    )
  })

  it('TV5: unknown field', async () => {
    const res = await call(queryPath(), { body: hogql('select no_field from events') })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({
      type: 'validation_error',
      code: 'hogql_query_error',
      detail: 'Unable to resolve field: no_field',
      attr: null,
    })
  })

  it('TV6: OFFSET rejected for personal API keys', async () => {
    const res = await call(queryPath(), {
      body: hogql('select uuid from events order by timestamp limit 1000 offset 1000'),
    })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({
      type: 'validation_error',
      code: 'hogql_query_error',
      detail:
        'OFFSET is not supported on queries made with a personal API key. For pagination, use keyset pagination on the `timestamp` column, e.g. `WHERE timestamp > :last_seen_timestamp ORDER BY timestamp LIMIT N`. For bulk data extraction, use batch exports: https://posthog.com/docs/cdp/batch-exports',
      attr: null,
    })
  })

  it('TV7: revoked key → 401 with WWW-Authenticate', async () => {
    const res = await call(queryPath(), { key: emu.keys.revoked, body: hogql('select 1') })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${emu.url}/.well-known/oauth-protected-resource"`,
    )
    expect(res.text).toBe(
      '{"type":"authentication_error","code":"authentication_failed","detail":"Personal API key found in request Authorization header is invalid.","attr":null}',
    )
  })

  it('TV8: no credentials', async () => {
    const res = await call(queryPath(), { key: null, body: hogql('select 1') })
    expect(res.status).toBe(401)
    expect(res.json).toEqual({
      type: 'authentication_error',
      code: 'not_authenticated',
      detail: 'Authentication credentials were not provided.',
      attr: null,
    })
  })

  it('TV9: key without query:read', async () => {
    const res = await call(queryPath(), { key: emu.keys.noQuery, body: hogql('select 1') })
    expect(res.status).toBe(403)
    expect(res.json).toEqual({
      type: 'authentication_error',
      code: 'permission_denied',
      detail: "API key missing required scope 'query:read'",
      attr: null,
    })
  })

  it('TV10: key scoped to another project', async () => {
    const res = await call(queryPath(), { key: emu.keys.otherProject, body: hogql('select 1') })
    expect(res.status).toBe(403)
    expect(res.json).toEqual({
      type: 'authentication_error',
      code: 'permission_denied',
      detail: 'API key does not have access to the requested project: ID 12345.',
      attr: null,
    })
  })

  it('TV11: non-numeric project id', async () => {
    const res = await call('/api/projects/phc_abc/query/', { body: hogql('select 1') })
    expect(res.status).toBe(404)
    expect(res.json).toEqual({ type: 'invalid_request', code: 'not_found', detail: 'Project not found.', attr: null })
  })

  it('TV14: injected timeout answers PostHog’s 504', async () => {
    emu.faults.add({ kind: 'timeout', route: '/query' })
    const res = await call(queryPath(), { body: hogql('select 1') })
    expect(res.status).toBe(504)
    expect(res.json).toEqual({
      type: 'server_error',
      code: 'error',
      detail:
        'Query has hit the max execution time before completing. See our docs for how to improve your query performance. You may need to materialize.',
      attr: null,
    })
  })

  it('TV16: HogQLMetadata, valid', async () => {
    const res = await call(queryPath(), {
      body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select event from events' } },
    })
    expect(res.text).toBe('{"query":"select event from events","isValid":true,"errors":[],"warnings":[],"notices":[]}')
  })

  it('TV17: HogQLMetadata, invalid with positions', async () => {
    const res = await call(queryPath(), {
      body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select 1 + no_field from events' } },
    })
    expect(res.status).toBe(200)
    expect(res.text).toBe(
      '{"query":"select 1 + no_field from events","isValid":false,"errors":[{"message":"Unable to resolve field: no_field","start":11,"end":19,"fix":null}],"warnings":[],"notices":[]}',
    )
  })

  it('HogQLMetadata checks hogQLExpr against events and reports syntax errors with offsets', async () => {
    const expr = await call(queryPath(), {
      body: { query: { kind: 'HogQLMetadata', language: 'hogQLExpr', query: 'count() + nope' } },
    })
    expect(expr.json).toMatchObject({
      isValid: false,
      errors: [{ message: 'Unable to resolve field: nope', start: 10, end: 14, fix: null }],
    })
    const ok = await call(queryPath(), {
      body: { query: { kind: 'HogQLMetadata', language: 'hogQLExpr', query: 'properties.$browser' } },
    })
    expect(ok.json).toMatchObject({ isValid: true, errors: [] })
    const syntax = await call(queryPath(), {
      body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select event from' } },
    })
    expect(syntax.json.errors).toEqual([
      { message: "no viable alternative at input 'select event from'", start: 17, end: 17, fix: null },
    ])
    // PostHog counts code points: after an emoji its offsets are one less than JavaScript's indices.
    const emoji = await call(queryPath(), {
      body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: "select '😀', nope from events" } },
    })
    expect(emoji.json.errors).toEqual([{ message: 'Unable to resolve field: nope', start: 12, end: 16, fix: null }])
  })

  it('TV18: DatabaseSchemaQuery lists tables, fields and property names in the data', async () => {
    const res = await call(queryPath(), { body: { query: { kind: 'DatabaseSchemaQuery' } } })
    expect(res.status).toBe(200)
    const tables = res.json.tables as Record<string, { fields: Record<string, Record<string, unknown>> }>
    expect(res.json.joins).toEqual([])
    expect(tables.events).toMatchObject({ type: 'posthog', id: 'events', name: 'events' })
    expect(tables.events!.fields.event).toEqual({
      name: 'event',
      hogql_value: 'event',
      type: 'string',
      schema_valid: true,
    })
    expect(tables.events!.fields.timestamp).toEqual({
      name: 'timestamp',
      hogql_value: 'timestamp',
      type: 'datetime',
      schema_valid: true,
    })
    expect(tables.events!.fields.person).toEqual({
      name: 'person',
      hogql_value: 'person',
      type: 'field_traverser',
      schema_valid: true,
      chain: ['pdi', 'person'],
    })
    expect(tables.events!.fields.properties).toMatchObject({ name: 'properties', type: 'json', schema_valid: true })
    expect(tables.events!.fields.properties!.fields).toEqual(
      expect.arrayContaining(['$browser', 'feature', '$current_url']),
    )
    expect(tables.persons!.fields.properties!.fields).toEqual(expect.arrayContaining(['email']))
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['events', 'persons', 'groups', 'sessions']))
  })

  it('TV19: test connection with project:read, 403 with a query-only key', async () => {
    const ok = await call(`/api/projects/${emu.projectId}/`)
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({
      id: 12345,
      name: 'Default project',
      timezone: 'UTC',
      organization: expect.any(String),
    })
    expect(ok.json.api_token).toMatch(/^phc_/)
    const denied = await call(`/api/projects/${emu.projectId}/`, { key: emu.keys.queryOnly })
    expect(denied.status).toBe(403)
    expect(denied.json).toEqual({
      type: 'authentication_error',
      code: 'permission_denied',
      detail: "API key missing required scope 'project:read'",
      attr: null,
    })
  })

  it('TV20: kind mismatch on the typed route', async () => {
    const res = await call(`${queryPath()}HogQLQuery/`, {
      body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select 1' } },
    })
    expect(res.status).toBe(400)
    expect(res.text).toBe(
      '{"type":"validation_error","code":"invalid_input","detail":"Query kind mismatch: path kind \\"HogQLQuery\\" does not match body kind \\"HogQLMetadata\\".","attr":null}',
    )
  })
})

describe('routes and serialisation', () => {
  it('answers /api/environments/ and paths without the trailing slash alike', async () => {
    const a = await call(`/api/environments/${emu.projectId}/query`, { body: hogql('select 1 as one') })
    expect(a.json).toMatchObject({ results: [[1]], columns: ['one'], types: [['one', 'UInt8']] })
  })

  it('writes 64-bit integers digit-exact, beyond 2^53', async () => {
    const res = await call(queryPath(), {
      body: hogql('select toUInt64(18446744073709551615) as big, toInt64(-9007199254740993) as neg'),
    })
    expect(res.text).toContain('"results":[[18446744073709551615,-9007199254740993]]')
    expect(res.json.types).toEqual([
      ['big', 'UInt64'],
      ['neg', 'Int64'],
    ])
  })

  it('writes Date, NaN and arrays as PostHog does', async () => {
    const res = await call(queryPath(), { body: hogql("select toDate('2026-01-02') as d, 0/0 as n, [1, 2] as a") })
    expect(res.json.results).toEqual([['2026-01-02', null, [1, 2]]])
  })

  it('gives Berlin project timestamps with their UTC offset', async () => {
    const res = await call(`/api/projects/${emu.projects.berlin}/query/`, {
      body: hogql(
        "select timestamp, toTimeZone(toDateTime('2026-07-01 10:00:00', 'UTC'), 'Europe/Berlin') as summer from events limit 1",
      ),
    })
    expect(res.status).toBe(200)
    expect(res.json.types).toEqual([
      ['timestamp', "DateTime64(6, 'Europe/Berlin')"],
      ['summer', "Nullable(DateTime64(6, 'Europe/Berlin'))"],
    ])
    const [timestamp, summer] = (res.json.results as [string, string][])[0]!
    expect(timestamp).toMatch(/\+0[12]:00$/)
    expect(summer).toBe('2026-07-01T12:00:00+02:00')
    expect(res.json.timezone).toBe('Europe/Berlin')
  })

  it('clamps LIMIT to 50,000 rows silently', async () => {
    const res = await call(queryPath(), { body: hogql('select number from numbers(60000) limit 60000') })
    expect((res.json.results as unknown[]).length).toBe(50_000)
    expect(res.json.hasMore).toBeNull()
  })

  it('resolves person, group and nested properties', async () => {
    const res = await call(queryPath(), {
      body: hogql(
        "select person.properties.email, group_0.properties.name, properties.$set.email as set_email, properties['$browser'] from events where event = '$identify' and person.properties.email like '%@%' limit 5",
      ),
    })
    expect(res.status).toBe(200)
    expect(res.json.columns).toEqual(['email', 'name', 'set_email', "properties['$browser']"])
    for (const [email, company, setEmail] of res.json.results as string[][]) {
      expect(email).toMatch(/@/)
      expect(company).toMatch(/ /)
      expect(setEmail).toBe(email)
    }
  })

  it('reports the current key’s scopes at /api/personal_api_keys/@current/', async () => {
    const res = await call('/api/personal_api_keys/@current/')
    expect(res.json).toMatchObject({
      label: 'Demo full access',
      scopes: ['*'],
      scoped_teams: [],
      scoped_organizations: [],
      value: null,
    })
    const denied = await call('/api/personal_api_keys/@current/', { key: emu.keys.queryOnly })
    expect(denied.status).toBe(403)
    expect(denied.json.detail).toBe("API key missing required scope 'personal_api_key:read'")
  })

  it('answers /api/users/@me/ for a key with user:read', async () => {
    const res = await call('/api/users/@me/', { key: emu.keys.noQuery })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ email: expect.stringContaining('@'), team: { id: 12345 } })
  })

  it.each([
    'select toStartOfDay(timestamp) as d, count() from events group by d order by d',
    'select person_id, row_number() over (partition by person_id order by timestamp) as rn from events limit 5',
    "select quantile(0.9)(toFloat(properties.duration_ms)) from events where event = 'feature_used'",
    'select * from sessions limit 1',
    'select c from (select count() as c from events)',
    'select groupArray(event) from (select event from events limit 3)',
    'with a as (select event from events), b as (select event from a) select count() from b',
    'select a.org, b.name, a.n from (select $group_0 as org, count() as n from events group by org) a left join (select key, properties.name as name from groups) b on a.org = b.key',
    'select pdi.distinct_id, pdi.person.properties.email from person_distinct_ids pdi limit 1',
    'select session.$session_duration, session.$pageview_count from events limit 1',
    "select 1 where 1 in (select 1) union all select count() from persons where properties.email like '%gmail.com'",
  ])('runs %s', async (query) => {
    const res = await call(queryPath(), { body: hogql(query) })
    expect(res.status, res.text).toBe(200)
    expect((res.json.results as unknown[]).length).toBeGreaterThan(0)
  })

  it('returns every row of a UNION whose arms each fit the default limit, without hasMore (as PostHog)', async () => {
    const arm = 'select number from numbers(75)'
    const res = await call(queryPath(), { body: hogql(`${arm} union all ${arm}`) })
    expect(res.status, res.text).toBe(200)
    expect((res.json.results as unknown[]).length).toBe(150)
    expect([res.json.hasMore, res.json.limit, res.json.offset]).toEqual([null, null, null])
  })

  it('finds the key in the body or the query string when there is no Authorization header', async () => {
    const inBody = await call(queryPath(), {
      key: null,
      body: { ...hogql('select 1'), personal_api_key: emu.keys.queryOnly },
    })
    expect(inBody.status).toBe(200)
    const badBody = await call(queryPath(), { key: null, body: { ...hogql('select 1'), personal_api_key: 'phx_nope' } })
    expect(badBody.json.detail).toBe('Personal API key found in request body is invalid.')
    const inQuery = await call(`${queryPath()}?personal_api_key=phx_nope`, { key: null, body: hogql('select 1') })
    expect(inQuery.json.detail).toBe('Personal API key found in request query string is invalid.')
  })

  it('lists projects, except for keys limited to projects', async () => {
    const list = await call('/api/projects/')
    expect((list.json.results as { id: number }[]).map((p) => p.id)).toEqual([12345, 12346])
    const scoped = await call('/api/projects/', { key: emu.keys.otherProject })
    expect(scoped.status).toBe(403)
    expect(scoped.json.detail).toBe('API keys with scoped projects are only supported on project-based endpoints.')
  })

  it('accepts a project secret key for its own project only', async () => {
    const ok = await call(queryPath(), { key: emu.keys.projectSecret, body: hogql('select 1') })
    expect(ok.status).toBe(200)
    const other = await call(`/api/projects/${emu.projects.berlin}/query/`, {
      key: emu.keys.projectSecret,
      body: hogql('select 1'),
    })
    expect(other.status).toBe(403)
  })
})
