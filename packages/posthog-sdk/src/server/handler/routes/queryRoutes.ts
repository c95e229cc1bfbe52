import {
  ApiError,
  ApiErrorCode,
  type ApiInFlightRun,
  type ApiRun,
  apiLimits,
  isRunInFlight,
  type SavedQuery,
} from '../../../api/index'
import type { StoredQuery } from '../../ports/QueryStore'
import { checkAgainstCatalog } from '../checkAgainstCatalog'
import { markStalled } from '../markStalled'
import type { OperationHandlers, RouteContext } from '../RouteContext'
import { loadCatalog } from './catalogRoutes'

const notFound = (queryId: string) =>
  new ApiError(ApiErrorCode.QueryNotFound, `There is no saved query "${queryId}".`, { status: 404 })

/**
 * The query's last run: the first run `listRuns` gives (in-flight runs first), passing over stalled runs queued
 * before the first run listed that is not stalled began, so a run whose worker died long ago does not stand for every
 * run since (in-flight runs would list first for ever). One read of one run in the usual case; more only while the
 * runs listed first are stalled.
 */
async function lastRunOf(context: RouteContext, queryId: string): Promise<ApiRun | null> {
  const now = context.now()
  const stalled: ApiInFlightRun[] = []
  let cursor: string | undefined
  let limit = 1
  do {
    const page = await context.runs.list(context.tenantId, { queryId, limit, ...(cursor ? { cursor } : {}) })
    for (const stored of page.runs) {
      const run = markStalled(stored, now, context.limits.runStalledAfterMs)
      if (isRunInFlight(run) && run.stalled) {
        stalled.push(run)
        continue
      }
      // Stalled runs list before this one (in-flight runs first, newest queued first); one queued after this run
      // began is the newer one. A run in flight began when it started (it may have waited queued while a later run
      // was queued and died), or, still queued, when it was queued.
      const began = Date.parse(isRunInFlight(run) ? (run.startedAt ?? run.queuedAt) : run.startedAt)
      return stalled.find((earlier) => Date.parse(earlier.queuedAt) >= began) ?? run
    }
    cursor = page.nextCursor ?? undefined
    limit = apiLimits.runsMaxPageSize
  } while (cursor)
  return stalled[0] ?? null
}

async function withLastRun(context: RouteContext, stored: StoredQuery): Promise<SavedQuery> {
  return { ...stored, lastRun: await lastRunOf(context, stored.definition.id) }
}

async function mustGet(context: RouteContext, queryId: string): Promise<StoredQuery> {
  const stored = await context.queries.get(context.tenantId, queryId)
  if (!stored) throw notFound(queryId)
  return stored
}

/** `/queries` routes: list, get, save, delete, enable, run now. */
export const queryRoutes: Pick<
  OperationHandlers,
  'listQueries' | 'getQuery' | 'saveQuery' | 'deleteQuery' | 'setQueryEnabled' | 'runQuery'
> = {
  async listQueries(context) {
    const stored = await context.queries.list(context.tenantId)
    return { queries: await Promise.all(stored.map((query) => withLastRun(context, query))) }
  },

  async getQuery(context, { params }) {
    return { query: await withLastRun(context, await mustGet(context, params.queryId)) }
  },

  async saveQuery(context, { params, body }) {
    const { definition } = body
    if (definition.id !== params.queryId) {
      const message = `The definition's id "${definition.id}" differs from the path's "${params.queryId}"; save it under its own id.`
      throw new ApiError(ApiErrorCode.InvalidRequest, message, {
        status: 400,
        issues: [{ path: 'definition.id', message }],
      })
    }
    if (definition.hogql.length > context.limits.maxHogqlLength) {
      const message = `The query is longer than ${context.limits.maxHogqlLength} characters, this server's limit; shorten it.`
      throw new ApiError(ApiErrorCode.InvalidRequest, message, {
        status: 400,
        issues: [{ path: 'definition.hogql', message }],
      })
    }
    const issues = checkAgainstCatalog(definition, await loadCatalog(context))
    if (issues.length > 0) {
      throw new ApiError(ApiErrorCode.NotInCatalog, issues.map((issue) => issue.message).join(' '), {
        status: 400,
        issues: issues.map((issue) => ({ ...issue, path: `definition.${issue.path}` })),
      })
    }
    const existing = await context.queries.get(context.tenantId, definition.id)
    const now = context.now().toISOString()
    const stored: StoredQuery = { definition, createdAt: existing?.createdAt ?? now, updatedAt: now }
    await context.queries.put(context.tenantId, stored)
    await context.scheduler.notify({ type: 'query_saved', tenantId: context.tenantId, definition })
    return { query: await withLastRun(context, stored) }
  },

  async deleteQuery(context, { params }) {
    if (!(await context.queries.delete(context.tenantId, params.queryId))) throw notFound(params.queryId)
    await context.scheduler.notify({ type: 'query_deleted', tenantId: context.tenantId, queryId: params.queryId })
    return undefined
  },

  async setQueryEnabled(context, { params, body }) {
    const existing = await mustGet(context, params.queryId)
    const stored: StoredQuery = {
      ...existing,
      definition: { ...existing.definition, enabled: body.enabled },
      updatedAt: context.now().toISOString(),
    }
    await context.queries.put(context.tenantId, stored)
    if (existing.definition.enabled !== body.enabled) {
      await context.scheduler.notify({
        type: 'query_enabled_changed',
        tenantId: context.tenantId,
        queryId: params.queryId,
        enabled: body.enabled,
      })
    }
    return { query: await withLastRun(context, stored) }
  },

  async runQuery(context, { params }) {
    const { definition } = await mustGet(context, params.queryId)
    const { runId } = await context.scheduler.runNow({ tenantId: context.tenantId, definition })
    return { runId, queuedAt: context.now().toISOString() }
  },
}
