import type { ConstantValue, Expr, SelectNode } from './ast'
import { selectArms } from './ast'
import { filtersExpr, type HogQLFilters } from './filtersExpr'
import { queryError } from './HogQLError'
import { parseHogQL } from './parseHogQL'
import { printClickHouse } from './printClickHouse'
import { printHogQL } from './printHogQL'
import { transformExprs } from './transformExprs'

/** PostHog's default row count for a SELECT without LIMIT. SRC: `posthog/hogql/constants.py` DEFAULT_RETURNED_ROWS. */
export const DEFAULT_RETURNED_ROWS = 100
/** PostHog's hard cap on returned rows; larger LIMITs are clamped silently. SRC: `MAX_SELECT_RETURNED_ROWS`. */
export const MAX_SELECT_RETURNED_ROWS = 50_000

/** PostHog's exact text. SRC: `posthog/hogql/user_query_validator.py`. */
export const OFFSET_REJECTED_MESSAGE =
  'OFFSET is not supported on queries made with a personal API key. For pagination, use keyset pagination on the `timestamp` column, e.g. `WHERE timestamp > :last_seen_timestamp ORDER BY timestamp LIMIT N`. For bulk data extraction, use batch exports: https://posthog.com/docs/cdp/batch-exports'

/** Input of {@link compileHogQL}: the HogQL, its values and filters, and the project it runs for. */
export interface CompileOptions {
  query: string
  /** Values for `{placeholder}`s (JSON values from the request). */
  values?: Readonly<Record<string, unknown>>
  teamId: number
  timezone: string
  /** ClickHouse database holding the dataset (for the executable SQL). */
  database: string
  /** PostHog rejects OFFSET for personal API key queries. */
  rejectOffset: boolean
  /** `filters` of the HogQLQuery, substituted for `{filters}`. */
  filters?: HogQLFilters
  /** Current time (ms) for relative dates in `filters`. @default Date.now() */
  now?: number
}

/** HogQL compiled for one project: both printed forms, column names and the implicit pagination. */
export interface CompiledQuery {
  /** HogQL as PostHog echoes it in `hogql`, with the applied LIMIT. */
  hogql: string
  /** ClickHouse SQL as shown in `clickhouse` (bare table names). */
  clickhouse: string
  /** ClickHouse SQL to execute (database-qualified). */
  sql: string
  columns: string[]
  /** Set when a plain SELECT had no LIMIT: the server fetched `limit + 1` rows to compute `hasMore`. */
  pagination: { limit: number; offset: number } | null
}

/**
 * Compiles HogQL to ClickHouse like PostHog's HogQLQueryRunner: parse, inline `values`, reject OFFSET for personal
 * API keys, apply the implicit LIMIT 100 (fetching 101 for `hasMore` on a plain SELECT) to every SELECT of the top-level set, clamp
 * explicit LIMITs to 50,000, and print. Needs `loadHogQLParser()` to have resolved (startEmulator does it).
 * @throws {HogQLError} for syntax and resolution errors.
 */
export function compileHogQL(options: CompileOptions): CompiledQuery {
  const parsed = replacePlaceholders(parseHogQL(options.query), options)
  if (options.rejectOffset) rejectOffsets(parsed)
  const pagination = applyLimits(parsed)
  const base = { teamId: options.teamId, timezone: options.timezone }
  const printed = printClickHouse(parsed, { ...base, database: options.database })
  const shown = printClickHouse(parsed, { ...base, database: null })
  return {
    hogql: printHogQL(parsed),
    clickhouse: shown.sql,
    sql: printed.sql,
    columns: printed.columns,
    pagination,
  }
}

/** Parses, inlines values and resolves without executing: what HogQLMetadata checks. */
export function validateHogQL(options: Omit<CompileOptions, 'rejectOffset'>): void {
  const parsed = replacePlaceholders(parseHogQL(options.query), options)
  printClickHouse(parsed, { teamId: options.teamId, timezone: options.timezone, database: null })
}

function replacePlaceholders(node: SelectNode, options: Omit<CompileOptions, 'rejectOffset' | 'query'>): SelectNode {
  const values = options.values ?? {}
  return transformExprs(node, (expr) => {
    if (expr.kind !== 'placeholder') return expr
    const name = expr.chain.join('.')
    if (name === 'filters' && !Object.hasOwn(values, 'filters')) {
      // PostHog replaces {filters} with `true` when the request has no filters.
      if (options.filters === undefined) return { kind: 'constant', value: true, start: expr.start, end: expr.end }
      return filtersExpr(options.filters, options.timezone, options.now ?? Date.now(), {
        start: expr.start,
        end: expr.end,
      })
    }
    if (expr.chain.length !== 1 || !Object.hasOwn(values, name)) {
      const available = Object.keys(values)
      const hint = available.length === 0 ? '' : ` You can use the following: ${available.join(', ')}`
      throw queryError(`Placeholder {${name}} is not available in this context.${hint}`, expr)
    }
    return { kind: 'constant', value: toConstant(values[name], name, expr), start: expr.start, end: expr.end }
  })
}

function toConstant(value: unknown, name: string, node: Expr): ConstantValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number' && Number.isFinite(value)) return { number: String(value) }
  if (Array.isArray(value)) return value.map((item) => toConstant(item, name, node))
  throw queryError(
    `Unsupported value for placeholder {${name}}: use a string, number, boolean, null or a list of them.`,
    node,
  )
}

function rejectOffsets(node: SelectNode): void {
  const check = (select: SelectNode) => {
    for (const arm of selectArms(select)) {
      if (arm.offset !== null || arm.limitBy?.offset)
        throw queryError(OFFSET_REJECTED_MESSAGE, arm.offset ?? arm.limitBy?.offset ?? arm)
      for (const cte of arm.ctes) if (cte.query) check(cte.query)
      for (const clause of arm.from) if (clause.source.kind === 'subquery') check(clause.source.query)
    }
  }
  check(node)
}

/**
 * PostHog paginates only a plain top-level SELECT without LIMIT (`LIMIT 101 OFFSET 0`, then `hasMore`); the arms of a
 * UNION without LIMIT just get `LIMIT 100` each and the response has no `hasMore`.
 * SRC: `posthog/hogql_queries/hogql_query_runner.py` (`isinstance(query, ast.SelectQuery) and not query.limit`) and
 * `HogQLQueryExecutor._apply_limit`.
 */
function applyLimits(node: SelectNode): CompiledQuery['pagination'] {
  let paginated = false
  for (const arm of selectArms(node)) {
    const at = { start: arm.end, end: arm.end }
    if (arm.limit === null && node.kind === 'set') {
      arm.limit = { kind: 'constant', value: { number: String(DEFAULT_RETURNED_ROWS) }, ...at }
      continue
    }
    if (arm.limit === null) {
      paginated = true
      arm.limit = { kind: 'constant', value: { number: String(DEFAULT_RETURNED_ROWS + 1) }, ...at }
      arm.offset = arm.offset ?? { kind: 'constant', value: { number: '0' }, ...at }
      continue
    }
    const limit = arm.limit
    if (
      limit.kind === 'constant' &&
      typeof limit.value === 'object' &&
      limit.value !== null &&
      'number' in limit.value
    ) {
      const n = Number(limit.value.number)
      if (n > MAX_SELECT_RETURNED_ROWS) limit.value = { number: String(MAX_SELECT_RETURNED_ROWS) }
    } else {
      const cap: Expr = { kind: 'constant', value: { number: String(MAX_SELECT_RETURNED_ROWS) }, ...at }
      arm.limit = { kind: 'call', name: 'min2', args: [cap, limit], params: null, distinct: false, over: null, ...at }
    }
  }
  return paginated ? { limit: DEFAULT_RETURNED_ROWS, offset: 0 } : null
}
