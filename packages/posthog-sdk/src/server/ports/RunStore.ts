import type { ApiRejectedRow, ApiRun } from '../../api/index'

/** One page of runs, newest first. */
export interface RunPage {
  runs: ApiRun[]
  /** Pass back as `cursor` for the next page; `null` at the end. */
  nextCursor: string | null
}

/** One page of a run's rejected rows, in row order. */
export interface RejectPage {
  rejects: ApiRejectedRow[]
  nextCursor: string | null
  /** Every rejected row of the run. */
  total: number
}

/**
 * Where run reports (the audit trail) live. The handler reads; the sync worker writes (`save` as a run starts and
 * finishes, `addRejects` as rows are skipped). A store that cannot decode a cursor throws an `ApiError` with code
 * `invalid_request` and an issue at path `cursor`.
 */
export interface RunStore {
  list(tenantId: string, options: { queryId?: string; cursor?: string; limit: number }): Promise<RunPage>
  get(tenantId: string, runId: string): Promise<ApiRun | null>
  /** `null` when the run does not exist for the tenant. */
  listRejects(tenantId: string, runId: string, options: { cursor?: string; limit: number }): Promise<RejectPage | null>
  /** Inserts or replaces the run (by `run.id`). */
  save(tenantId: string, run: ApiRun): Promise<void>
  /** Appends rejected rows to a saved run. */
  addRejects(tenantId: string, runId: string, rejects: readonly ApiRejectedRow[]): Promise<void>
}
