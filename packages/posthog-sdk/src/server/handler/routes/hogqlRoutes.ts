import { ApiError, ApiErrorCode, type PreviewResponse, type PreviewWindow } from '../../../api/index'
import { analyzeHogQL, isPostHogClientError, withExplicitLimit } from '../../../client/index'
import type { HogQLValue } from '../../../config/index'
import { toJsonValue } from '../../../sync/index'
import type { OperationHandlers, RouteContext } from '../RouteContext'
import { fromPostHogError } from '../toApiError'
import { savedConnection } from './connectionRoutes'

const DAY_MS = 24 * 60 * 60 * 1000

// The window bound format the sync engine's pager uses by default (ISO 8601, UTC, no milliseconds).
const formatBound = (date: Date) => `${date.toISOString().slice(0, 19)}Z`

function checkLength(context: RouteContext, hogql: string, path: string): void {
  if (hogql.length > context.limits.maxHogqlLength) {
    const message = `The query is longer than ${context.limits.maxHogqlLength} characters, this server's limit; shorten it.`
    throw new ApiError(ApiErrorCode.InvalidRequest, message, { status: 400, issues: [{ path, message }] })
  }
}

/** What to preview: the HogQL, its values, the window and the row cap. */
export interface PreviewInput {
  hogql: string
  values?: Record<string, HogQLValue> | undefined
  window?: PreviewWindow | undefined
  limit: number
}

/**
 * Runs a preview. Every top-level SELECT gets an explicit `LIMIT limit + 1` so PostHog's implicit LIMIT 100 never
 * applies and one extra row tells whether more exist; a query with its own LIMIT is wrapped in
 * `SELECT * FROM (…) LIMIT limit + 1` so PostHog never sends more either. `{period_start}`/`{period_end}` are filled
 * with the given window, or the last 24 hours.
 */
export async function runPreview(
  context: RouteContext,
  input: PreviewInput,
  hogqlPath: string,
): Promise<PreviewResponse> {
  checkLength(context, input.hogql, hogqlPath)
  const connection = await savedConnection(context)
  const shape = analyzeHogQL(input.hogql)
  const cap = input.limit + 1
  const limited = withExplicitLimit(input.hogql, cap, shape)
  // A SELECT with its own LIMIT (up to PostHog's 50,000) keeps it; the wrapper stops PostHog sending more than the cap.
  const sent = shape.arms.some((arm) => arm.hasLimit) ? `SELECT * FROM (\n${limited}\n)\nLIMIT ${cap}` : limited
  const usesWindow = shape.placeholders.has('period_start') || shape.placeholders.has('period_end')
  const end = input.window ? new Date(input.window.end) : context.now()
  const start = input.window ? new Date(input.window.start) : new Date(end.getTime() - DAY_MS)
  const values: Record<string, HogQLValue> = {
    ...input.values,
    ...(usesWindow ? { period_start: formatBound(start), period_end: formatBound(end) } : {}),
  }
  try {
    const result = await context
      .createClient(connection)
      .query(sent, { values, signal: context.signal, name: 'statisfy preview' })
    const truncated = result.results.length > input.limit
    return {
      columns: result.columns,
      types: result.types,
      rows: result.results.slice(0, input.limit).map((row) => row.map((cell) => toJsonValue(cell))),
      elapsedMs: result.elapsedMs,
      truncated,
      truncatedReason: truncated ? 'row_cap' : null,
      hogql: sent,
      window: usesWindow ? { start: start.toISOString(), end: end.toISOString() } : null,
      limit: input.limit,
    }
  } catch (error) {
    if (isPostHogClientError(error)) throw fromPostHogError(error, { hogql: hogqlPath })
    throw error
  }
}

/** `GET /schema`, `POST /hogql/validate`, `POST /preview`. */
export const hogqlRoutes: Pick<OperationHandlers, 'getSchema' | 'validateHogQL' | 'preview'> = {
  async getSchema(context) {
    const connection = await savedConnection(context)
    try {
      const schema = await context.createClient(connection).schema({ signal: context.signal })
      return {
        tables: schema.tables.map((table) => ({
          name: table.name,
          kind: table.kind,
          fields: table.fields.map((field) => ({
            name: field.name,
            type: field.type,
            table: field.table,
            fields: field.fields ?? [],
          })),
        })),
      }
    } catch (error) {
      if (isPostHogClientError(error)) throw fromPostHogError(error)
      throw error
    }
  },

  async validateHogQL(context, { body }) {
    checkLength(context, body.hogql, 'hogql')
    const connection = await savedConnection(context)
    try {
      const metadata = await context.createClient(connection).metadata(body.hogql, { signal: context.signal })
      return {
        isValid: metadata.isValid,
        errors: metadata.errors,
        warnings: metadata.warnings,
        notices: metadata.notices,
      }
    } catch (error) {
      if (isPostHogClientError(error)) throw fromPostHogError(error, { hogql: 'hogql' })
      throw error
    }
  },

  async preview(context, { body }) {
    return runPreview(context, body, 'hogql')
  },
}
