// A stand-in for the host backend that answers the real api client from fixtures, in the browser (stories) and in
// jsdom (tests). It routes with the SDK's own operation table, so a path or method change in the protocol breaks it.
import {
  type ApiFinishedRun,
  type ApiOperationName,
  type ApiRejectedRow,
  type ApiRun,
  apiOperations,
  type Catalog,
  type ConnectionView,
  createApiClient,
  type DryRunRequest,
  type DryRunResponse,
  type GetSchemaResponse,
  type PreviewRequest,
  type PreviewResponse,
  type QueryDefinition,
  type SavedQuery,
  type TestConnectionRequest,
  type TestConnectionResponse,
} from '@statisfy/posthog-sdk'
import * as fx from './fixtures'

/** An error answer: status and the handler's error body. */
export type FakeError = {
  status: number
  code: string
  message: string
  issues?: { path: string; message: string }[]
  retryAfterSeconds?: number
}

type Answer<Req, Res> = Res | FakeError | ((request: Req) => Res | FakeError)

/** What the fake backend holds and how it answers. */
export type FakeBackendOptions = {
  connection?: ConnectionView | null
  test?: Answer<TestConnectionRequest, TestConnectionResponse>
  catalog?: Catalog
  schema?: GetSchemaResponse
  queries?: SavedQuery[]
  runs?: ApiRun[]
  rejects?: Record<string, ApiRejectedRow[]>
  preview?: Answer<PreviewRequest, PreviewResponse>
  dryRun?: Answer<DryRunRequest, DryRunResponse>
  /** Rejected rows per page (the server's page size). @default 100 */
  rejectsPageSize?: number
  /** Every answer waits this long (ms). @default 0 */
  latencyMs?: number
  /** Operations that never answer (loading states). */
  pending?: ApiOperationName[]
  /** Operations that fail with this error. */
  fail?: Partial<Record<ApiOperationName, FakeError>>
}

/** A call the fake received. */
export type FakeCall = { operation: ApiOperationName; params: Record<string, string>; body: unknown }

export const BASE_URL = 'https://host.test/api/posthog'

const isError = (value: unknown): value is FakeError =>
  typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'message' in value

function answer<Req, Res>(spec: Answer<Req, Res> | undefined, request: Req, fallback: Res): Res | FakeError {
  if (spec === undefined) return fallback
  return typeof spec === 'function' ? (spec as (r: Req) => Res | FakeError)(request) : spec
}

const routes = (Object.keys(apiOperations) as ApiOperationName[]).map((name) => {
  const op = apiOperations[name]
  const keys: string[] = []
  const pattern = new RegExp(
    `^${op.path.replace(/\./g, '\\.').replace(/:([A-Za-z]+)/g, (_, key: string) => {
      keys.push(key)
      return '([^/]+)'
    })}$`,
  )
  return { name, method: op.method as string, pattern, keys }
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Creates the fake backend and a real api client wired to it. */
export function createFakeBackend(options: FakeBackendOptions = {}) {
  const state = {
    connection: options.connection === undefined ? fx.connectionView : options.connection,
    queries: [...(options.queries ?? fx.savedQueries)],
    runs: [...(options.runs ?? fx.runs)],
  }
  const calls: FakeCall[] = []

  async function handle(
    operation: ApiOperationName,
    params: Record<string, string>,
    url: URL,
    body: unknown,
  ): Promise<unknown> {
    switch (operation) {
      case 'getConnection':
        return { connection: state.connection }
      case 'testConnection':
        return answer(options.test, body as TestConnectionRequest, fx.testResult)
      case 'saveConnection': {
        const input = body as { apiHost: string; projectId: number | string; personalApiKey?: string }
        const key = input.personalApiKey
        state.connection = {
          apiHost: input.apiHost,
          projectId: Number(input.projectId),
          keyHint: key ? `${key.slice(0, 4)}…${key.slice(-4)}` : (state.connection?.keyHint ?? 'phx_…????'),
          updatedAt: new Date('2026-11-27T10:00:00Z').toISOString(),
        }
        return { connection: state.connection }
      }
      case 'deleteConnection':
        state.connection = null
        return null
      case 'getSchema':
        return options.schema ?? fx.schema
      case 'validateHogQL':
        return { isValid: true, errors: [], warnings: [], notices: [] }
      case 'preview':
        return answer(options.preview, body as PreviewRequest, fx.usagePreview)
      case 'dryRun':
        return answer(options.dryRun, body as DryRunRequest, fx.usageDryRun)
      case 'listQueries':
        return { queries: state.queries }
      case 'getQuery': {
        const query = state.queries.find((q) => q.definition.id === params.queryId)
        return query ? { query } : { status: 404, code: 'query_not_found', message: 'No saved query with this id.' }
      }
      case 'saveQuery': {
        const definition = (body as { definition: QueryDefinition }).definition
        const existing = state.queries.find((q) => q.definition.id === definition.id)
        const saved: SavedQuery = {
          definition,
          createdAt: existing?.createdAt ?? '2026-11-27T10:00:00Z',
          updatedAt: '2026-11-27T10:00:00Z',
          lastRun: existing?.lastRun ?? null,
        }
        state.queries = existing ? state.queries.map((q) => (q === existing ? saved : q)) : [...state.queries, saved]
        return { query: saved }
      }
      case 'deleteQuery':
        state.queries = state.queries.filter((q) => q.definition.id !== params.queryId)
        return null
      case 'setQueryEnabled': {
        const enabled = (body as { enabled: boolean }).enabled
        state.queries = state.queries.map((q) =>
          q.definition.id === params.queryId ? { ...q, definition: { ...q.definition, enabled } } : q,
        )
        const query = state.queries.find((q) => q.definition.id === params.queryId)
        return query ? { query } : { status: 404, code: 'query_not_found', message: 'No saved query with this id.' }
      }
      case 'runQuery': {
        // The fake scheduler runs at once: the next list shows the finished run.
        const done: ApiRun = {
          ...(fx.runs[1] as ApiFinishedRun),
          id: `run-now-${calls.length}`,
          queryId: params.queryId ?? '',
          trigger: 'manual',
          startedAt: '2026-11-27T10:00:00Z',
          finishedAt: '2026-11-27T10:00:04Z',
        }
        state.runs = [done, ...state.runs]
        return { runId: done.id, queuedAt: '2026-11-27T10:00:00Z' }
      }
      case 'listRuns': {
        const queryId = url.searchParams.get('queryId')
        const limit = Number(url.searchParams.get('limit') ?? 20)
        const start = Number(url.searchParams.get('cursor') ?? 0)
        const all = state.runs.filter((r) => !queryId || r.queryId === queryId)
        const page = all.slice(start, start + limit)
        return { runs: page, nextCursor: start + limit < all.length ? String(start + limit) : null }
      }
      case 'getRun': {
        const run = state.runs.find((r) => r.id === params.runId)
        return run ? { run } : { status: 404, code: 'run_not_found', message: 'No run with this id.' }
      }
      case 'listRunRejects': {
        const all = options.rejects?.[params.runId ?? ''] ?? (params.runId === 'run-0' ? fx.partialRunRejects : [])
        const limit = options.rejectsPageSize ?? Number(url.searchParams.get('limit') ?? 100)
        const start = Number(url.searchParams.get('cursor') ?? 0)
        const next = start + limit < all.length ? String(start + limit) : null
        return { rejects: all.slice(start, start + limit), nextCursor: next, total: all.length }
      }
      case 'getRunRejectsCsv':
        return new Response('row,column,value,reason\n3,day,yesterday,bad_timestamp\n', {
          headers: { 'content-type': 'text/csv' },
        })
      case 'getCatalog':
        return { catalog: options.catalog ?? fx.catalog }
      default:
        return operation satisfies never
    }
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    const method = init?.method ?? 'GET'
    const path = url.pathname.slice(new URL(BASE_URL).pathname.length)
    for (const route of routes) {
      const match = route.method === method ? route.pattern.exec(path) : null
      if (!match) continue
      const params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? '')]))
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
      calls.push({ operation: route.name, params, body })
      if (options.pending?.includes(route.name)) return new Promise<Response>(() => {})
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs))
      const failure = options.fail?.[route.name]
      const result = failure ?? (await handle(route.name, params, url, body))
      if (result instanceof Response) return result
      if (isError(result)) {
        const { status, ...error } = result
        return json(status, { error })
      }
      const status = apiOperations[route.name].status
      return status === 204 ? new Response(null, { status }) : json(status, result)
    }
    return json(404, { error: { code: 'route_not_found', message: `No route ${method} ${path}` } })
  }

  return { client: createApiClient({ baseUrl: BASE_URL, fetch }), fetch, calls, state }
}
