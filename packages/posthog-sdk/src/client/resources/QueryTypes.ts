import type { HogQLValue } from '../../config/hogqlValue'

/** PostHog's execution modes for `refresh` (posthog/hogql_queries/query_runner.py `ExecutionMode`). */
export type RefreshMode =
  | 'blocking'
  | 'force_blocking'
  | 'async'
  | 'force_async'
  | 'lazy_async'
  | 'async_except_on_cache_miss'

/** Options of {@link PostHogClient.query}. */
export interface QueryOptions {
  /** Values for `{name}` placeholders in the HogQL. */
  values?: Readonly<Record<string, HogQLValue>>
  /** Aborts the query (and cancels it at PostHog in async mode). */
  signal?: AbortSignal
  /** Per-attempt timeout for this call; the client's `timeoutMs` when absent. */
  timeoutMs?: number
  /**
   * PostHog's cache mode. Sync mode sends it as given; async mode sends `'async'` unless `'force_async'` is given.
   * @default 'blocking'
   */
  refresh?: RefreshMode
  /** A label for PostHog's query log (up to 128 characters). */
  name?: string
  /** Your id for the run; becomes the async query id. Generated in async mode when absent. */
  clientQueryId?: string
  /**
   * `'sync'` waits for the answer in one request (PostHog Cloud's gateway cuts at about 60 s); `'async'` submits,
   * then polls `GET /query/{id}/` with backoff until done, re-submitting if the status expired (404), and cancels
   * with `DELETE` when aborted.
   * @default 'sync'
   */
  mode?: 'sync' | 'async'
  /**
   * Total time allowed for an async query (submit, polls, re-submits).
   * @default 660000
   */
  asyncTimeoutMs?: number
  /**
   * On a HogQL syntax or resolution error, ask HogQLMetadata for the error's position (`start`/`end`/`fix`),
   * which PostHog's 400 does not carry. Costs one more request, counted against the rate limit.
   * @default false
   */
  explainErrors?: boolean
}

/** One entry of PostHog's `timings`: a step name and its duration in seconds. */
export interface QueryTiming {
  k: string
  t: number
}

/** Why a result holds fewer rows than the query would produce. */
export interface Truncation {
  /**
   * `implicit_limit`: the HogQL had no LIMIT, PostHog applied LIMIT 100 and said `hasMore`.
   * `row_cap`: the result reached PostHog's 50,000-row cap (a result of exactly 50,000 rows is counted as cut,
   * because PostHog cannot tell the two apart).
   */
  reason: 'implicit_limit' | 'row_cap'
  /** The number of rows PostHog stopped at. */
  rowLimit: number
}

/** The result of one HogQL query. */
export interface HogQLQueryResult<Row extends readonly unknown[] = unknown[]> {
  /** Column names (aliases when given, else the printed expression, e.g. `count()`). */
  columns: string[]
  /** ClickHouse type per column (`String`, `UInt64`, `DateTime64(6, 'UTC')`, `Nullable(String)` …); empty if not sent. */
  types: string[]
  /** Rows, each an array of values in column order. */
  results: Row[]
  /** PostHog's `hasMore` (only set when the HogQL had no LIMIT): more rows exist beyond the implicit LIMIT 100. */
  hasMore: boolean
  /** Set when the rows were cut by PostHog's limits; `null` when the result is complete. */
  truncation: Truncation | null
  /** The HogQL sent. */
  query: string
  /** The HogQL as PostHog expanded it (implicit LIMIT visible), when sent. */
  hogql: string | null
  /** The ClickHouse SQL PostHog generated, when sent. */
  clickhouse: string | null
  /** PostHog's timings (seconds per step). */
  timings: QueryTiming[]
  /** The LIMIT PostHog applied when the HogQL had none (100), else `null`. */
  limit: number | null
  /** True when PostHog answered from its query cache. */
  isCached: boolean
  /** When PostHog computed the result (ISO), when sent. */
  lastRefresh: string | null
  /** The project's time zone as PostHog reported it, when sent. */
  timezone: string | null
  /** The async query id, when the query ran in async mode. */
  queryId: string | null
  /** Wall time of the call in ms, retries and polls included. */
  elapsedMs: number
}

/** PostHog's 50,000-row cap on one result (`MAX_SELECT_RETURNED_ROWS`). */
export const MAX_RESULT_ROWS = 50_000
