import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiOperationName, apiErrorBodySchema, apiOperations } from '../../src/api/index'
import { productUsageQuery } from '../../src/testing/index'
import { type Harness, startHarness } from './harness'

let h: Harness
const valid = productUsageQuery({ id: 'q1' })

beforeAll(async () => {
  h = await startHarness()
  await h
    .client('acme')
    .saveConnection({ apiHost: h.emulator.url, projectId: h.emulator.projectId, personalApiKey: h.emulator.keys.full })
})
afterAll(async () => {
  await h.close()
})

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return h.raw(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
}

// [what, method, path, body, the field path the 400 must name]
const cases: [string, string, string, unknown, string][] = [
  ['preview without hogql', 'POST', '/preview', {}, 'hogql'],
  ['preview with blank hogql', 'POST', '/preview', { hogql: '   ' }, 'hogql'],
  ['preview with hogql as a number', 'POST', '/preview', { hogql: 42 }, 'hogql'],
  ['preview over the row cap', 'POST', '/preview', { hogql: 'select 1', limit: 1001 }, 'limit'],
  ['preview with zero rows', 'POST', '/preview', { hogql: 'select 1', limit: 0 }, 'limit'],
  ['preview with fractional rows', 'POST', '/preview', { hogql: 'select 1', limit: 2.5 }, 'limit'],
  ['preview with an over-long query', 'POST', '/preview', { hogql: `select 1 ${' '.repeat(100_001)}` }, 'hogql'],
  [
    'preview with a window placeholder in values',
    'POST',
    '/preview',
    { hogql: 'select 1', values: { period_start: 'x' } },
    'values.period_start',
  ],
  [
    'preview with a bad placeholder name',
    'POST',
    '/preview',
    { hogql: 'select 1', values: { 'bad name': 1 } },
    'values.bad name',
  ],
  [
    'preview with a window ending first',
    'POST',
    '/preview',
    { hogql: 'select 1', window: { start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' } },
    'window.end',
  ],
  [
    'preview with a non-date window',
    'POST',
    '/preview',
    { hogql: 'select 1', window: { start: 'yesterday', end: '2026-01-01T00:00:00Z' } },
    'window.start',
  ],
  ['validate without hogql', 'POST', '/hogql/validate', { query: 'select 1' }, 'hogql'],
  [
    'save connection with a project token',
    'PUT',
    '/connection',
    { apiHost: 'https://us.posthog.com', projectId: 1, personalApiKey: 'phc_abcdefghijkl' },
    'personalApiKey',
  ],
  [
    'save connection with a word for project id',
    'PUT',
    '/connection',
    { apiHost: 'https://us.posthog.com', projectId: 'abc' },
    'projectId',
  ],
  [
    'save connection with an ingestion host',
    'PUT',
    '/connection',
    { apiHost: 'https://us.i.posthog.com', projectId: 1 },
    'apiHost',
  ],
  [
    'save connection with verify as text',
    'PUT',
    '/connection',
    { apiHost: 'https://us.posthog.com', projectId: 1, verify: 'yes' },
    'verify',
  ],
  ['test connection with a short key', 'POST', '/connection/test', { personalApiKey: 'phx_1' }, 'personalApiKey'],
  ['save query without a definition', 'PUT', '/queries/q1', {}, 'definition'],
  [
    'save query of an unknown type',
    'PUT',
    '/queries/q1',
    { definition: { ...valid, type: 'nope' } },
    'definition.type',
  ],
  [
    'save query with a bad cadence time',
    'PUT',
    '/queries/q1',
    { definition: { ...valid, cadence: { kind: 'daily', at: '25:00', timeZone: 'UTC' } } },
    'definition.cadence.at',
  ],
  [
    'save query with a bad time zone',
    'PUT',
    '/queries/q1',
    { definition: { ...valid, cadence: { kind: 'daily', at: '02:00', timeZone: 'Mars/Olympus' } } },
    'definition.cadence.timeZone',
  ],
  [
    'save query with an unknown resolver',
    'PUT',
    '/queries/q1',
    { definition: { ...valid, mapping: { ...valid.mapping, account: { resolver: 'psychic', column: 'x' } } } },
    'definition.mapping.account.resolver',
  ],
  [
    'save query with one column in two roles',
    'PUT',
    '/queries/q1',
    { definition: { ...valid, mapping: { ...valid.mapping, valueColumn: 'org_id' } } },
    'definition.mapping.valueColumn',
  ],
  ['save query with a bad id in the path', 'PUT', '/queries/bad%20id', { definition: valid }, 'queryId'],
  ['enable with a string', 'PUT', '/queries/q1/enabled', { enabled: 'true' }, 'enabled'],
  [
    'dry run with a too-large sample',
    'POST',
    '/dry-run',
    { definition: valid, sample: { columns: ['a'], rows: Array.from({ length: 1001 }, () => [1]) } },
    'sample.rows',
  ],
  [
    'dry run with a sample without columns',
    'POST',
    '/dry-run',
    { definition: valid, sample: { columns: [], rows: [] } },
    'sample.columns',
  ],
  ['list runs with a huge page', 'GET', '/runs?limit=100000', undefined, 'limit'],
  ['list runs with a word as page size', 'GET', '/runs?limit=ten', undefined, 'limit'],
  ['list rejects with a negative page', 'GET', '/runs/r1/rejects?limit=-1', undefined, 'limit'],
  ['get run with an over-long id', 'GET', `/runs/${'x'.repeat(200)}`, undefined, 'runId'],
]

describe('bad input', () => {
  it.each(cases)('%s → 400 naming the field', async (_what, method, path, body, field) => {
    const response = await send(method, path, body)
    expect(response.status).toBe(400)
    const parsed = apiErrorBodySchema.parse(await response.json())
    expect(parsed.error.code).toMatch(/^(invalid_request|not_in_catalog)$/)
    expect(parsed.error.issues?.map((issue) => issue.path)).toContain(field)
    for (const issue of parsed.error.issues ?? []) expect(issue.message.length).toBeGreaterThan(10)
  })

  it('answers malformed JSON with 400, the wrong content type with 415, a huge body with 413', async () => {
    expect((await send('POST', '/preview', '{"hogql": ')).status).toBe(400)
    expect((await send('POST', '/preview', '[1,2]')).status).toBe(400)
    expect(
      (await send('POST', '/preview', 'hogql=select 1', { 'content-type': 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415)
    expect((await send('POST', '/preview', { hogql: 'x'.repeat(1_100_000) })).status).toBe(413)
    expect((await h.raw('/queries/%E0%A4%A', { method: 'GET' })).status).toBe(400)
  })
})

const operations = Object.keys(apiOperations) as ApiOperationName[]
const jsonValue = fc.jsonValue({ maxDepth: 4 })
const fuzzBody = fc.oneof(
  jsonValue,
  fc.record(
    { hogql: fc.oneof(fc.string(), jsonValue), limit: jsonValue, values: jsonValue, window: jsonValue },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      definition: fc.oneof(
        jsonValue,
        fc.constant(valid),
        fc.record({ ...Object.fromEntries(Object.keys(valid).map((k) => [k, jsonValue])) }, { requiredKeys: [] }),
      ),
      sample: jsonValue,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      apiHost: fc.oneof(fc.webUrl(), fc.string(), jsonValue),
      projectId: jsonValue,
      personalApiKey: fc.oneof(fc.string(), jsonValue),
      verify: jsonValue,
    },
    { requiredKeys: [] },
  ),
)
const segment = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('q1', 'r1', '..', '%', '%2F', ' '))

describe('fuzzing every route', () => {
  it('never answers 500, and every error is the documented error body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        segment,
        fc.dictionary(fc.constantFrom('limit', 'cursor', 'queryId', 'x'), fc.string({ maxLength: 40 })),
        fuzzBody,
        fc.constantFrom('acme', 'globex'),
        async (operation, id, query, body, tenant) => {
          const spec = apiOperations[operation]
          const path = spec.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(id))
          const qs = new URLSearchParams(query).toString()
          const response = await h.raw(`${path}${qs ? `?${qs}` : ''}`, {
            method: spec.method,
            tenant,
            headers: { 'content-type': 'application/json' },
            ...(spec.method === 'GET' || spec.method === 'DELETE' ? {} : { body: JSON.stringify(body) }),
          })
          expect(response.status).not.toBe(500)
          expect(response.status).toBeLessThan(600)
          if (response.status >= 400) apiErrorBodySchema.parse(await response.json())
        },
      ),
      { numRuns: 400 },
    )
  }, 120_000)
})
