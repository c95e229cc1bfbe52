import { ApiRunStatus, ApiRunTrigger } from '../../api/index'
import type { RunStore } from '../ports/RunStore'
import type { Scheduler, SchedulerEvent } from '../ports/Scheduler'

/** A {@link Scheduler} that records what it is told, for tests and examples. */
export interface MemoryScheduler extends Scheduler {
  /** Every event received, oldest first. */
  readonly events: SchedulerEvent[]
  /** Every run-now request, oldest first, with the run id it answered. */
  readonly runRequests: { tenantId: string; queryId: string; runId: string }[]
}

/** Options of {@link createMemoryScheduler}. */
export interface MemorySchedulerOptions {
  /** Ids for run-now requests. @default `run_1`, `run_2`, ... */
  nextRunId?: () => string
  /** When given, each run-now request is saved here as a `queued` run, as a real worker does (nothing runs it). */
  runs?: RunStore
  /** The clock for `queuedAt`. @default () => new Date() */
  now?: () => Date
}

/**
 * Creates a recording {@link Scheduler}. `runNow` answers with ids from `nextRunId`.
 * @example const scheduler = createMemoryScheduler(); ...; expect(scheduler.events).toContainEqual({ type: 'query_deleted', ... })
 */
export function createMemoryScheduler(options: MemorySchedulerOptions = {}): MemoryScheduler {
  let counter = 0
  const nextRunId = options.nextRunId ?? (() => `run_${++counter}`)
  const now = options.now ?? (() => new Date())
  const events: SchedulerEvent[] = []
  const runRequests: MemoryScheduler['runRequests'] = []
  return {
    events,
    runRequests,
    async notify(event) {
      events.push(structuredClone(event))
    },
    async runNow({ tenantId, definition }) {
      const runId = nextRunId()
      runRequests.push({ tenantId, queryId: definition.id, runId })
      const queuedAt = now().toISOString()
      await options.runs?.save(tenantId, {
        id: runId,
        trigger: ApiRunTrigger.Manual,
        queryId: definition.id,
        queryName: definition.name,
        type: definition.type,
        status: ApiRunStatus.Queued,
        dryRun: false,
        queuedAt,
        startedAt: null,
        progress: { rowsRead: 0, written: 0, rejected: 0 },
        updatedAt: queuedAt,
      })
      return { runId }
    },
  }
}
