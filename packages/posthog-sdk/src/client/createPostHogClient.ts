import { PostHogClientError } from './errors/PostHogClientError'
import { sharedRateLimiter } from './limiter/limiterRegistry'
import type { RateLimiterState, RequestLimiter } from './limiter/RateLimiter'
import type { PostHogClientOptions } from './PostHogClientOptions'
import type { PagingOptions, QueryAllResult, QueryPage } from './paging/PagingTypes'
import { readPages } from './paging/readPages'
import { getMetadata, type HogQLMetadata, type MetadataOptions } from './resources/getMetadata'
import { type DatabaseSchema, getSchema } from './resources/getSchema'
import type { HogQLQueryResult, QueryOptions } from './resources/QueryTypes'
import type { ResourceContext } from './resources/ResourceContext'
import { runQuery } from './resources/runQuery'
import { type ConnectionTestResult, testConnection } from './resources/testConnection'
import { resolveRetryOptions } from './retry/RetryOptions'
import { systemClock } from './time/Clock'
import { createTransport } from './transport/createTransport'

/** Options of calls that only take a signal and a timeout. */
export interface CallOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

/** A typed client of PostHog's HogQL query API for one project and key. Every method throws {@link PostHogClientError}. */
export interface PostHogClient {
  /**
   * Runs one HogQL query. A cut result is returned with `truncation` set (PostHog's implicit LIMIT 100 or its
   * 50,000-row cap); use {@link queryAll} or {@link pages} to read everything.
   * @example const { columns, results } = await client.query('select event, count() from events group by event limit 10')
   */
  query<Row extends readonly unknown[] = unknown[]>(
    hogql: string,
    options?: QueryOptions,
  ): Promise<HogQLQueryResult<Row>>
  /**
   * Reads every row as pages, splitting `{period_start}`/`{period_end}` windows that come back full. Pages are
   * yielded one at a time so large reads need not sit in memory.
   * @example for await (const page of client.pages(hogql, { window: { start, end } })) await sink.write(page.results)
   */
  pages<Row extends readonly unknown[] = unknown[]>(
    hogql: string,
    options?: PagingOptions,
  ): AsyncIterable<QueryPage<Row>>
  /** Reads every row like {@link pages} and returns them together. Prefer `pages` for large reads. */
  queryAll<Row extends readonly unknown[] = unknown[]>(
    hogql: string,
    options?: PagingOptions,
  ): Promise<QueryAllResult<Row>>
  /** Validates HogQL without running it; errors carry character offsets. */
  metadata(hogql: string, options?: MetadataOptions): Promise<HogQLMetadata>
  /** The tables and fields HogQL can query in this project. */
  schema(options?: CallOptions): Promise<DatabaseSchema>
  /** Checks host, key and project; reports the project's name and time zone and the key's scopes when it can. Never throws. */
  testConnection(options?: CallOptions): Promise<ConnectionTestResult>
  /** The state of the per-key rate limiter this client uses. */
  rateLimitState(): RateLimiterState
}

// A 32-hex-digit id like PostHog's own (uuid7().hex). getRandomValues, unlike randomUUID, also exists on plain-http
// pages, where browsers withhold randomUUID.
function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function normaliseHost(apiHost: string): string {
  let url: URL
  try {
    url = new URL(apiHost.trim())
  } catch (cause) {
    throw new PostHogClientError(
      'invalid_request',
      `apiHost '${apiHost}' is not a URL. Use e.g. https://us.posthog.com, https://eu.posthog.com or your self-hosted PostHog URL.`,
      {},
      { cause },
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PostHogClientError('invalid_request', `apiHost must be an http(s) URL, got '${apiHost}'.`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function projectPath(projectId: number | string): string {
  const id = String(projectId).trim()
  if (!/^(\d+|@current)$/.test(id)) {
    throw new PostHogClientError(
      'invalid_request',
      `projectId must be the numeric project id (or '@current'), got '${id}'. Find it in PostHog under Project settings; it is not the project token (phc_…).`,
    )
  }
  return `/api/projects/${id}`
}

function unwrap<T>(outcome: { data: T } | { error: PostHogClientError }): T {
  if ('error' in outcome) throw outcome.error
  return outcome.data
}

/**
 * Creates a HogQL client. Isomorphic: runs in Node 20+, browsers and edge runtimes; nothing here imports Node.
 * The transport is built once (auth, JSON, timeout, rate limit, retries); every method goes through it.
 * @example
 * const client = createPostHogClient({ apiHost: 'https://eu.posthog.com', projectId: 12345, personalApiKey: key })
 * const result = await client.query('select count() from events where timestamp > now() - interval 1 day')
 */
export function createPostHogClient(options: PostHogClientOptions): PostHogClient {
  const apiHost = normaliseHost(options.apiHost)
  const path = projectPath(options.projectId)
  const personalApiKey = options.personalApiKey.trim()
  if (personalApiKey === '') {
    throw new PostHogClientError(
      'authentication',
      'No personal API key given. Create one in PostHog (Settings → Personal API keys) with the query:read scope.',
    )
  }
  const clock = options.clock ?? systemClock
  const limiter: RequestLimiter =
    options.limiter ?? sharedRateLimiter(apiHost, personalApiKey, options.rateLimit, clock)
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis)
  const transport = createTransport({
    apiHost,
    personalApiKey,
    fetch: fetchImpl,
    clock,
    limiter,
    retry: resolveRetryOptions(options.retry),
    timeoutMs: options.timeoutMs ?? 65_000,
    userAgent: options.userAgent ?? 'statisfy-posthog-sdk',
    random: options.random ?? Math.random,
    onRetry: options.onRetry,
  })
  const context: ResourceContext = {
    transport,
    projectPath: path,
    clock,
    wideIntegers: options.wideIntegers ?? 'string',
    newId,
  }

  const run = (hogql: string, queryOptions: QueryOptions) => runQuery(context, hogql, queryOptions)

  const client: PostHogClient = {
    async query<Row extends readonly unknown[] = unknown[]>(hogql: string, queryOptions?: QueryOptions) {
      const outcome = await run(hogql, queryOptions ?? {})
      if ('error' in outcome) throw outcome.error
      return outcome.result as unknown as HogQLQueryResult<Row>
    },
    pages<Row extends readonly unknown[] = unknown[]>(hogql: string, pagingOptions?: PagingOptions) {
      return readPages(run, hogql, pagingOptions) as AsyncIterable<QueryPage<Row>>
    },
    async queryAll<Row extends readonly unknown[] = unknown[]>(hogql: string, pagingOptions?: PagingOptions) {
      const started = clock.now()
      const all: QueryAllResult<Row> = {
        columns: [],
        types: [],
        results: [],
        pageCount: 0,
        splits: 0,
        query: hogql,
        elapsedMs: 0,
      }
      for await (const page of readPages(run, hogql, pagingOptions)) {
        if (all.pageCount === 0) {
          all.columns = page.columns
          all.types = page.types
          all.query = page.query
        }
        for (const row of page.results) all.results.push(row as unknown as Row)
        all.pageCount++
        all.splits = page.splits
      }
      all.elapsedMs = clock.now() - started
      return all
    },
    async metadata(hogql, metadataOptions) {
      return unwrap(await getMetadata(context, hogql, metadataOptions))
    },
    async schema(callOptions) {
      return unwrap(await getSchema(context, callOptions))
    },
    testConnection: (callOptions) => testConnection(context, callOptions),
    rateLimitState: () => limiter.state(),
  }
  return client
}
