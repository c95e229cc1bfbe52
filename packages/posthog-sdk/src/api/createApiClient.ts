import type * as z from 'zod'
import type { Catalog, queryDefinitionSchema } from '../config/index'
import { ApiError, ApiErrorCode, apiErrorBodySchema, toApiIssues } from './ApiError'
import { type ApiOperationName, apiOperations } from './operations'
import type {
  ConnectionView,
  SaveConnectionRequest,
  TestConnectionRequest,
  TestConnectionResponse,
} from './schemas/connection'
import type { DryRunRequest, DryRunResponse } from './schemas/dryRun'
import type {
  GetSchemaResponse,
  PreviewRequest,
  PreviewResponse,
  ValidateHogQLRequest,
  ValidateHogQLResponse,
} from './schemas/hogql'
import type { RunQueryResponse, SavedQuery } from './schemas/queries'
import type {
  ApiRun,
  ListRunRejectsQuery,
  ListRunRejectsResponse,
  ListRunsQuery,
  ListRunsResponse,
} from './schemas/runs'

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /**
   * Where the host mounted `createPostHogHandler()`: absolute (`https://app.example.com/api/posthog`) or, in a
   * browser, relative to the page's origin (`/api/posthog`).
   * @example '/api/posthog'
   */
  baseUrl: string
  /** The Fetch implementation. @default globalThis.fetch */
  fetch?: typeof fetch
  /**
   * Headers added to every request (e.g. the host's CSRF token or bearer token). A function is called per request,
   * so a token can be refreshed.
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
  /** Whether the browser sends cookies. @default 'same-origin' */
  credentials?: RequestCredentials
}

/** Per-call options. */
export interface ApiCallOptions {
  /** Cancels the request (TanStack Query passes one). */
  signal?: AbortSignal
}

/**
 * A typed client for the host backend's PostHog routes. Every method resolves with the parsed response or throws an
 * {@link ApiError} carrying the server's stable `code`, the HTTP `status`, and field `issues` for invalid input.
 */
export interface ApiClient {
  /** The saved connection (key hint only), or `null` when none is saved. */
  getConnection(options?: ApiCallOptions): Promise<ConnectionView | null>
  /** Tests a connection; fields left out fall back to the saved connection. */
  testConnection(input?: TestConnectionRequest, options?: ApiCallOptions): Promise<TestConnectionResponse>
  /** Saves the connection (tested first unless `verify: false`); leave `personalApiKey` out to keep the saved key. */
  saveConnection(input: SaveConnectionRequest, options?: ApiCallOptions): Promise<ConnectionView>
  /** Forgets the connection and its key. */
  deleteConnection(options?: ApiCallOptions): Promise<void>
  /** The project's tables and fields. */
  getSchema(options?: ApiCallOptions): Promise<GetSchemaResponse>
  /** Diagnostics for HogQL without running it. */
  validateHogQL(input: ValidateHogQLRequest, options?: ApiCallOptions): Promise<ValidateHogQLResponse>
  /** Runs HogQL and returns the first rows (default 100, max 1,000). */
  preview(input: PreviewRequest, options?: ApiCallOptions): Promise<PreviewResponse>
  /** Maps and resolves a definition against a sample without writing. */
  dryRun(input: DryRunRequest, options?: ApiCallOptions): Promise<DryRunResponse>
  /** The saved queries, by name. */
  listQueries(options?: ApiCallOptions): Promise<SavedQuery[]>
  /** One saved query. */
  getQuery(queryId: string, options?: ApiCallOptions): Promise<SavedQuery>
  /** Creates or replaces a saved query (its id comes from `definition.id`). */
  saveQuery(definition: z.input<typeof queryDefinitionSchema>, options?: ApiCallOptions): Promise<SavedQuery>
  /** Deletes a saved query. */
  deleteQuery(queryId: string, options?: ApiCallOptions): Promise<void>
  /** Turns a saved query's schedule on or off. */
  setQueryEnabled(queryId: string, enabled: boolean, options?: ApiCallOptions): Promise<SavedQuery>
  /** Asks the scheduler to run a saved query now. */
  runQuery(queryId: string, options?: ApiCallOptions): Promise<RunQueryResponse>
  /** Runs, newest first; pass `nextCursor` back as `cursor` for the next page. */
  listRuns(query?: ListRunsQuery, options?: ApiCallOptions): Promise<ListRunsResponse>
  /** One run's report. */
  getRun(runId: string, options?: ApiCallOptions): Promise<ApiRun>
  /** One run's rejected rows, paged. */
  listRunRejects(runId: string, query?: ListRunRejectsQuery, options?: ApiCallOptions): Promise<ListRunRejectsResponse>
  /** One run's rejected rows as CSV text. */
  getRunRejectsCsv(runId: string, options?: ApiCallOptions): Promise<string>
  /** The URL of one run's rejects CSV, for a download link when the host authenticates by cookie. */
  runRejectsCsvUrl(runId: string): string
  /** What the host can write and which resolvers it supports. */
  getCatalog(options?: ApiCallOptions): Promise<Catalog>
}

interface CallInput {
  params?: Record<string, string>
  query?: Record<string, string | number | undefined>
  body?: unknown
  signal?: AbortSignal | undefined
}

/**
 * Creates the browser (or server-side) client of the routes served by `createPostHogHandler()`.
 *
 * @example
 * const api = createApiClient({ baseUrl: '/api/posthog', headers: () => ({ 'x-csrf-token': readCsrf() }) })
 * const preview = await api.preview({ hogql: 'SELECT event, count() FROM events GROUP BY event' })
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '')
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))

  function url(name: ApiOperationName, input: Pick<CallInput, 'params' | 'query'> = {}): string {
    const path = apiOperations[name].path.replace(/:([A-Za-z]+)/g, (_, key: string) =>
      encodeURIComponent(input.params?.[key] ?? ''),
    )
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(input.query ?? {})) {
      if (value !== undefined) search.set(key, String(value))
    }
    const qs = search.toString()
    return `${base}${path}${qs ? `?${qs}` : ''}`
  }

  async function send(name: ApiOperationName, input: CallInput): Promise<Response> {
    const op = apiOperations[name]
    const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers)
    headers.set('accept', op.response.type === 'csv' ? 'text/csv' : 'application/json')
    const init: RequestInit = { method: op.method, headers, credentials: options.credentials ?? 'same-origin' }
    if (input.signal) init.signal = input.signal
    if (input.body !== undefined) {
      headers.set('content-type', 'application/json')
      init.body = JSON.stringify(input.body)
    }
    let response: Response
    try {
      response = await doFetch(url(name, input), init)
    } catch (cause) {
      if (input.signal?.aborted) throw cause
      throw new ApiError(ApiErrorCode.NetworkError, `Could not reach the server at ${base}: ${String(cause)}`, {
        status: 0,
        cause,
      })
    }
    if (!response.ok) throw await errorFrom(response)
    return response
  }

  async function callJson<T>(name: ApiOperationName, schema: z.ZodType<T>, input: CallInput = {}): Promise<T> {
    const response = await send(name, input)
    let body: unknown
    try {
      body = await response.json()
    } catch (cause) {
      throw new ApiError(ApiErrorCode.InvalidResponse, `The server's answer to ${name} is not JSON.`, {
        status: response.status,
        cause,
      })
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      throw new ApiError(
        ApiErrorCode.InvalidResponse,
        `The server's answer to ${name} does not match this client's version of the protocol; update @statisfy/posthog-sdk on both sides.`,
        { status: response.status, issues: toApiIssues(parsed.error), cause: parsed.error },
      )
    }
    return parsed.data
  }

  const ops = apiOperations
  return {
    getConnection: async (o) => (await callJson('getConnection', ops.getConnection.response.schema, sig(o))).connection,
    testConnection: (input, o) =>
      callJson('testConnection', ops.testConnection.response.schema, { body: input ?? {}, ...sig(o) }),
    saveConnection: async (input, o) =>
      (await callJson('saveConnection', ops.saveConnection.response.schema, { body: input, ...sig(o) })).connection,
    deleteConnection: async (o) => {
      await send('deleteConnection', sig(o))
    },
    getSchema: (o) => callJson('getSchema', ops.getSchema.response.schema, sig(o)),
    validateHogQL: (input, o) =>
      callJson('validateHogQL', ops.validateHogQL.response.schema, { body: input, ...sig(o) }),
    preview: (input, o) => callJson('preview', ops.preview.response.schema, { body: input, ...sig(o) }),
    dryRun: (input, o) => callJson('dryRun', ops.dryRun.response.schema, { body: input, ...sig(o) }),
    listQueries: async (o) => (await callJson('listQueries', ops.listQueries.response.schema, sig(o))).queries,
    getQuery: async (queryId, o) =>
      (await callJson('getQuery', ops.getQuery.response.schema, { params: { queryId }, ...sig(o) })).query,
    saveQuery: async (definition, o) =>
      (
        await callJson('saveQuery', ops.saveQuery.response.schema, {
          params: { queryId: String(definition.id) },
          body: { definition },
          ...sig(o),
        })
      ).query,
    deleteQuery: async (queryId, o) => {
      await send('deleteQuery', { params: { queryId }, ...sig(o) })
    },
    setQueryEnabled: async (queryId, enabled, o) =>
      (
        await callJson('setQueryEnabled', ops.setQueryEnabled.response.schema, {
          params: { queryId },
          body: { enabled },
          ...sig(o),
        })
      ).query,
    runQuery: (queryId, o) => callJson('runQuery', ops.runQuery.response.schema, { params: { queryId }, ...sig(o) }),
    listRuns: (query, o) => callJson('listRuns', ops.listRuns.response.schema, { query: { ...query }, ...sig(o) }),
    getRun: async (runId, o) =>
      (await callJson('getRun', ops.getRun.response.schema, { params: { runId }, ...sig(o) })).run,
    listRunRejects: (runId, query, o) =>
      callJson('listRunRejects', ops.listRunRejects.response.schema, {
        params: { runId },
        query: { ...query },
        ...sig(o),
      }),
    getRunRejectsCsv: async (runId, o) => (await send('getRunRejectsCsv', { params: { runId }, ...sig(o) })).text(),
    runRejectsCsvUrl: (runId) => url('getRunRejectsCsv', { params: { runId } }),
    getCatalog: async (o) => (await callJson('getCatalog', ops.getCatalog.response.schema, sig(o))).catalog,
  }
}

function sig(options: ApiCallOptions | undefined): Pick<CallInput, 'signal'> {
  return options?.signal ? { signal: options.signal } : {}
}

/** Builds the {@link ApiError} for a non-2xx response, from the server's error body when it sent one. */
async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = apiErrorBodySchema.safeParse(json)
  if (parsed.success) {
    const { code, message, issues, retryAfterSeconds } = parsed.data.error
    return new ApiError(code, message, {
      status: response.status,
      ...(issues ? { issues } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    })
  }
  return new ApiError(
    ApiErrorCode.InvalidResponse,
    `The server answered ${response.status} ${response.statusText} without an error body (is the handler mounted at this baseUrl?).`,
    { status: response.status },
  )
}
