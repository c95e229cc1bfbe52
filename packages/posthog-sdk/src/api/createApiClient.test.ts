import { describe, expect, it } from 'vitest'
import { ApiError, isApiError } from './ApiError'
import { createApiClient } from './createApiClient'
import { apiOperations } from './operations'

interface Seen {
  url: string
  method: string
  headers: Headers
  body: string | null
}

function fakeFetch(respond: (seen: Seen) => Response) {
  const calls: Seen[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : null,
    }
    calls.push(seen)
    return respond(seen)
  }
  return { fetch, calls }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const run = {
  id: 'run_1',
  trigger: 'manual',
  queryId: 'q1',
  queryName: 'Weekly active users',
  type: 'product_usage',
  status: 'partial',
  skipReason: null,
  dryRun: false,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:05Z',
  durationMs: 5000,
  window: null,
  counts: { read: 3, written: 2, rejected: 1, unmatched: 1, ambiguous: 0, byReason: { unmatched_account: 1 } },
  reasons: [],
  posthog: { hogql: ['SELECT 1'], requests: 1, elapsedMs: 40, timings: [] },
  error: null,
}

describe('createApiClient', () => {
  it('builds paths under the base URL with encoded ids and query strings, and sends dynamic headers', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { runs: [run], nextCursor: 'c2' }))
    let token = 0
    const api = createApiClient({
      baseUrl: 'https://app.test/api/posthog/',
      fetch,
      headers: () => ({ 'x-token': `t${++token}` }),
    })
    const page = await api.listRuns({ queryId: 'q1', limit: 5 })
    await api.listRuns({ cursor: page.nextCursor ?? undefined })
    expect(page.runs[0]?.id).toBe('run_1')
    expect(calls[0]?.url).toBe('https://app.test/api/posthog/runs?queryId=q1&limit=5')
    expect(calls[1]?.url).toBe('https://app.test/api/posthog/runs?cursor=c2')
    expect(calls.map((c) => c.headers.get('x-token'))).toEqual(['t1', 't2'])
    expect(api.runRejectsCsvUrl('a/b')).toBe('https://app.test/api/posthog/runs/a%2Fb/rejects.csv')
  })

  it('sends JSON bodies with the operation method and unwraps the response', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(200, {
        connection: {
          apiHost: 'https://eu.posthog.com',
          projectId: 7,
          keyHint: 'phx_…a1b2',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      }),
    )
    const api = createApiClient({ baseUrl: '/api/posthog', fetch })
    const view = await api.saveConnection({
      apiHost: 'eu.posthog.com',
      projectId: 7,
      personalApiKey: 'phx_abcdefgh1234',
    })
    expect(view.keyHint).toBe('phx_…a1b2')
    expect(calls[0]?.method).toBe('PUT')
    expect(calls[0]?.url).toBe('/api/posthog/connection')
    expect(calls[0]?.headers.get('content-type')).toBe('application/json')
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ apiHost: 'eu.posthog.com', projectId: 7 })
  })

  it('throws ApiError with the server code, status and field issues', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, {
        error: {
          code: 'invalid_request',
          message: 'Fix the fields below.',
          issues: [{ path: 'limit', message: 'limit must be at most 1000 rows.' }],
        },
      }),
    )
    const api = createApiClient({ baseUrl: '/x', fetch })
    const error = await api.preview({ hogql: 'select 1', limit: 5000 }).catch((e: unknown) => e)
    expect(isApiError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, issues: [{ path: 'limit' }] })
  })

  it('reports rate limits with the wait PostHog asked for', async () => {
    const { fetch } = fakeFetch(() =>
      json(429, {
        error: { code: 'rate_limited', message: 'PostHog is rate limiting this key.', retryAfterSeconds: 62 },
      }),
    )
    const error = await createApiClient({ baseUrl: '/x', fetch })
      .getSchema()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 62 })
  })

  it('turns an error page without our body into invalid_response, and a response of the wrong shape too', async () => {
    const html = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }))
    await expect(createApiClient({ baseUrl: '/x', fetch: html.fetch }).listQueries()).rejects.toMatchObject({
      code: 'invalid_response',
      status: 502,
    })
    const wrong = fakeFetch(() => json(200, { queries: [{ nope: true }] }))
    const error = await createApiClient({ baseUrl: '/x', fetch: wrong.fetch })
      .listQueries()
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_response' })
    expect((error as ApiError).issues.length).toBeGreaterThan(0)
  })

  it('maps a failed fetch to network_error but lets an abort through unchanged', async () => {
    const down = createApiClient({
      baseUrl: '/x',
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    await expect(down.getCatalog()).rejects.toMatchObject({ code: 'network_error', status: 0 })

    const controller = new AbortController()
    const abortable = createApiClient({
      baseUrl: '/x',
      fetch: async (_input, init) => {
        controller.abort()
        throw init?.signal?.reason
      },
    })
    const error = await abortable.getCatalog({ signal: controller.signal }).catch((e: unknown) => e)
    expect(isApiError(error)).toBe(false)
    expect((error as Error).name).toBe('AbortError')
  })

  it('resolves deletes on 204 and returns CSV as text', async () => {
    const { fetch, calls } = fakeFetch((seen) =>
      seen.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : new Response('row,column\n1,x\n', { status: 200 }),
    )
    const api = createApiClient({ baseUrl: '/x', fetch })
    await expect(api.deleteQuery('q1')).resolves.toBeUndefined()
    await expect(api.getRunRejectsCsv('r1')).resolves.toBe('row,column\n1,x\n')
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers.get('accept')}`)).toEqual([
      'DELETE /x/queries/q1 application/json',
      'GET /x/runs/r1/rejects.csv text/csv',
    ])
  })

  it('has a method for every operation of the route table', () => {
    const api = createApiClient({ baseUrl: '/x', fetch: async () => new Response('{}') })
    for (const name of Object.keys(apiOperations)) expect(typeof api[name as keyof typeof api]).toBe('function')
  })
})
