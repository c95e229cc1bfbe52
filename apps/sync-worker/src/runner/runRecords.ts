// The records the worker saves as a run goes: queued, running with its progress (each in-flight record stamped with
// updatedAt, the heartbeat the handler judges stalled runs by), and the run that failed before runSync could report
// (a crash). runSync's own report is the finished record otherwise.
import type {
  ApiFinishedRun,
  ApiInFlightRun,
  ApiRunTrigger,
  QueryDefinition,
  SyncProgress,
} from '@statisfy/posthog-sdk'

/** The run as the worker saves it when it accepts it: queued, nothing read yet. */
export function queuedRun(
  definition: QueryDefinition,
  id: string,
  trigger: ApiRunTrigger,
  queuedAt: Date,
): ApiInFlightRun {
  return {
    id,
    trigger,
    queryId: definition.id,
    queryName: definition.name,
    type: definition.type,
    status: 'queued',
    dryRun: false,
    queuedAt: queuedAt.toISOString(),
    startedAt: null,
    progress: { rowsRead: 0, written: 0, rejected: 0 },
    updatedAt: queuedAt.toISOString(),
  }
}

/** The run once the worker has started it, nothing read yet. */
export function runningRun(queued: ApiInFlightRun, startedAt: Date): ApiInFlightRun {
  return { ...queued, status: 'running', startedAt: startedAt.toISOString(), updatedAt: startedAt.toISOString() }
}

/** The running run with runSync's counts so far, saved at `at`. */
export function withProgress(running: ApiInFlightRun, progress: SyncProgress, at: Date): ApiInFlightRun {
  return {
    ...running,
    progress: { rowsRead: progress.rowsRead, written: progress.written, rejected: progress.rejected },
    updatedAt: at.toISOString(),
  }
}

/** The running run unchanged but for its heartbeat: saved while no rows move (a slow PostHog page). */
export function heartbeat(running: ApiInFlightRun, at: Date): ApiInFlightRun {
  return { ...running, updatedAt: at.toISOString() }
}

/**
 * A run the worker could not finish (it threw outside runSync's own reporting, e.g. the connection or the catalog
 * could not be read), saved `failed` with the counts it had reached so the history does not show it running forever.
 */
export function crashedRun(last: ApiInFlightRun, finishedAt: Date, error: unknown): ApiFinishedRun {
  const startedAt = last.startedAt ?? last.queuedAt
  const { rowsRead, written, rejected } = last.progress
  return {
    id: last.id,
    trigger: last.trigger,
    queryId: last.queryId,
    queryName: last.queryName,
    type: last.type,
    status: 'failed',
    skipReason: null,
    dryRun: last.dryRun,
    startedAt,
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - Date.parse(startedAt)),
    window: null,
    counts: { read: rowsRead, written, rejected, unmatched: 0, ambiguous: 0, byReason: {} },
    reasons: [],
    posthog: { hogql: [], requests: 0, elapsedMs: 0, timings: [] },
    error: { code: 'worker_failed', message: error instanceof Error ? error.message : String(error) },
  }
}
