import type { ApiRejectedRow, ApiRun } from '../../api/index'

/** One page of runs: in-flight runs first, then finished ones, each newest first. */
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
 * Where runs (the audit trail) live. The handler reads; the sync worker writes.
 *
 * A run's lifecycle, all under one `id`: the worker (or `Scheduler.runNow`) saves it `queued` when it accepts the
 * run, so `getRun` answers from the moment "Run now" returns; `running` when it starts, again with its `progress`
 * as it goes (throttled: every few hundred ms is plenty); and the finished `RunReport` (plus `id`, `trigger`) at the
 * end, `failed` when the worker crashed. Rejected rows may be added from the first save on. Every in-flight save
 * carries `updatedAt` (the heartbeat): a running run is saved at least every `runHeartbeat.saveEveryMs` even when
 * no rows move, and the handler serves a run not saved for `limits.runStalledAfterMs` as `stalled` (derived when
 * read; the store keeps no such state).
 *
 * A store that cannot decode a cursor throws an `ApiError` with code `invalid_request` and an issue at path `cursor`.
 */
export interface RunStore {
  /**
   * The tenant's runs: in-flight (`queued`, `running`) first, newest queued first, then finished ones, newest
   * started first. Keyset-paged so runs arriving meanwhile do not shift later pages.
   */
  list(tenantId: string, options: { queryId?: string; cursor?: string; limit: number }): Promise<RunPage>
  /** The run in whichever state it was last saved; `null` when it does not exist for the tenant. */
  get(tenantId: string, runId: string): Promise<ApiRun | null>
  /** `null` when the run does not exist for the tenant. */
  listRejects(tenantId: string, runId: string, options: { cursor?: string; limit: number }): Promise<RejectPage | null>
  /**
   * Inserts or replaces the run (by `run.id`), keeping the rejects already added. A save never moves a run back:
   * saving `queued` over `running`, an in-flight state over a finished run, or an in-flight save whose `updatedAt`
   * is earlier than the stored one's, is ignored, so a late or out-of-order progress write cannot undo the run's
   * end nor its latest heartbeat (a host's SQL: update only where the stored state is not later).
   */
  save(tenantId: string, run: ApiRun): Promise<void>
  /** Appends rejected rows to a saved run (in flight or finished). */
  addRejects(tenantId: string, runId: string, rejects: readonly ApiRejectedRow[]): Promise<void>
}
