import type { Session } from 'chdb'
import type { Project } from '../emulator/projects'
import { compileHogQL } from '../hogql/compileHogQL'
import type { HogQLFilters } from '../hogql/filtersExpr'
import type { Clock } from '../limits/Clock'
import { executeClickHouse } from './executeClickHouse'
import { parseClickHouseType } from './parseClickHouseType'
import { RawJson } from './RawJson'
import { valueWriter } from './serializeValue'

/** What a HogQL run needs from the emulator. */
export interface QueryEnvironment {
  session: Session
  database: string
  clock: Clock
  /** ClickHouse `max_execution_time`, seconds (PostHog: 10 s for personal API key queries). */
  maxExecutionTime: number
}

/** The HogQLQuery node fields the runner uses. */
export interface HogQLQueryInput {
  query: string
  values?: Record<string, unknown>
  modifiers?: Record<string, unknown>
  filters?: HogQLFilters
}

/** ISO timestamp with microseconds and `Z`, as PostHog's cache fields show them. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

/**
 * Runs a HogQLQuery and builds PostHog's `HogQLQueryResponse` with every key it sends (nulls included), in its order.
 * `results` is kept as raw JSON so 64-bit integers are written digit-exact.
 * @throws {HogQLError} for syntax/resolution errors; {@link ApiError} for ClickHouse failures.
 */
export async function runHogQLQuery(
  env: QueryEnvironment,
  project: Project,
  input: HogQLQueryInput,
  options: { rejectOffset: boolean },
): Promise<Record<string, unknown>> {
  const started = performance.now()
  const compiled = compileHogQL({
    query: input.query,
    values: input.values ?? {},
    teamId: project.id,
    timezone: project.timezone,
    database: env.database,
    rejectOffset: options.rejectOffset,
    now: env.clock.now(),
    ...(input.filters === undefined ? {} : { filters: input.filters }),
  })
  const compiledAt = performance.now()
  const result = await executeClickHouse(env.session, compiled.sql, env.maxExecutionTime)
  const executedAt = performance.now()
  let rows = result.data
  let hasMore: boolean | null = null
  if (compiled.pagination !== null) {
    hasMore = rows.length > compiled.pagination.limit
    rows = rows.slice(0, compiled.pagination.limit)
  }
  const writers = result.meta.map((column) => valueWriter(parseClickHouseType(column.type)))
  const results = new RawJson(writeRows(rows, writers))
  const now = env.clock.now()
  const seconds = (ms: number) => Math.round(ms) / 1000
  return {
    results,
    columns: compiled.columns,
    types: result.meta.map((column, i) => [compiled.columns[i] ?? column.name, column.type]),
    hogql: compiled.hogql,
    clickhouse: `${compiled.clickhouse} SETTINGS readonly=2, max_execution_time=${env.maxExecutionTime}`,
    query: input.query,
    timings: [
      { k: './query', t: seconds(compiledAt - started) },
      { k: './clickhouse_execute', t: seconds(executedAt - compiledAt) },
      { k: '.', t: seconds(performance.now() - started) },
    ],
    modifiers: input.modifiers ?? {},
    error: null,
    explain: null,
    metadata: null,
    hasMore,
    limit: compiled.pagination?.limit ?? null,
    offset: compiled.pagination?.offset ?? null,
    query_status: null,
    is_cached: false,
    last_refresh: isoMicros(now),
    next_allowed_client_refresh: isoMicros(now + 60_000),
    cache_target_age: isoMicros(now + 15 * 60_000),
    cache_key: `cache_${hash(`${project.id}:${input.query}:${JSON.stringify(input.values ?? {})}`)}`,
    timezone: project.timezone,
  }
}

// One string built by appending: mapping and joining every row and value allocated two arrays and a string per row.
function writeRows(rows: unknown[][], writers: ((value: unknown) => string)[]): string {
  let text = '['
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[]
    text += r === 0 ? '[' : ',['
    for (let i = 0; i < row.length; i++)
      text += (i === 0 ? '' : ',') + (writers[i] as (value: unknown) => string)(row[i])
    text += ']'
  }
  return `${text}]`
}

function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0')
}
