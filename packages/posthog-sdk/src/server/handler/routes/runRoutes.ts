import { ApiError, ApiErrorCode } from '../../../api/index'
import { markStalled } from '../markStalled'
import type { OperationHandlers, RouteContext } from '../RouteContext'
import { toCsvLine } from '../toCsv'

const notFound = (runId: string) =>
  new ApiError(ApiErrorCode.RunNotFound, `There is no run "${runId}".`, { status: 404 })

const cell = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? null))

// Pages of the store's largest size; the CSV is the whole list of rejects.
const CSV_PAGE = 500

async function* allRejects(context: RouteContext, runId: string) {
  let cursor: string | undefined
  do {
    const page = await context.runs.listRejects(context.tenantId, runId, {
      limit: CSV_PAGE,
      ...(cursor ? { cursor } : {}),
    })
    if (!page) throw notFound(runId)
    yield* page.rejects
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}

/** `/runs` routes: list (cursor-paged), get, rejects (paged), rejects as CSV. */
export const runRoutes: Pick<OperationHandlers, 'listRuns' | 'getRun' | 'listRunRejects' | 'getRunRejectsCsv'> = {
  async listRuns(context, { query }) {
    const page = await context.runs.list(context.tenantId, {
      limit: query.limit,
      ...(query.queryId ? { queryId: query.queryId } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    })
    const now = context.now()
    return { ...page, runs: page.runs.map((run) => markStalled(run, now, context.limits.runStalledAfterMs)) }
  },

  async getRun(context, { params }) {
    const run = await context.runs.get(context.tenantId, params.runId)
    if (!run) throw notFound(params.runId)
    return { run: markStalled(run, context.now(), context.limits.runStalledAfterMs) }
  },

  async listRunRejects(context, { params, query }) {
    const page = await context.runs.listRejects(context.tenantId, params.runId, {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    })
    if (!page) throw notFound(params.runId)
    return page
  },

  async getRunRejectsCsv(context, { params }) {
    const lines = [toCsvLine(['row', 'column', 'value', 'reason', 'message', 'row_data'])]
    for await (const reject of allRejects(context, params.runId)) {
      lines.push(
        toCsvLine([
          String(reject.row),
          reject.column,
          cell(reject.value),
          reject.reason,
          reject.message,
          JSON.stringify(reject.rowData),
        ]),
      )
    }
    return `${lines.join('\r\n')}\r\n`
  },
}
