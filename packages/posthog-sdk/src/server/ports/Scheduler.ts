import type { QueryDefinition } from '../../config/index'

/** A change to a tenant's saved queries that the scheduler must follow. */
export type SchedulerEvent =
  | { type: 'query_saved'; tenantId: string; definition: QueryDefinition }
  | { type: 'query_deleted'; tenantId: string; queryId: string }
  | { type: 'query_enabled_changed'; tenantId: string; queryId: string; enabled: boolean }

/**
 * The host's scheduler (the sync worker's job queue). The handler tells it of every save, delete and enable change
 * after the store has accepted it, and asks it to run a query now. The worker records each run in the `RunStore`
 * through its lifecycle (`queued`, `running` with progress, then final; see `RunStore`).
 */
export interface Scheduler {
  notify(event: SchedulerEvent): Promise<void>
  /**
   * Queues a run of the query now; resolves with the run id when the scheduler assigns one up front. Save the run
   * as `queued` in the `RunStore` before resolving, so `GET /runs/:runId` and the history show it at once.
   */
  runNow(request: { tenantId: string; definition: QueryDefinition }): Promise<{ runId: string | null }>
}
