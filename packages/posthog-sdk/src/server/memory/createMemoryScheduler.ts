import type { Scheduler, SchedulerEvent } from '../ports/Scheduler'

/** A {@link Scheduler} that records what it is told, for tests and examples. */
export interface MemoryScheduler extends Scheduler {
  /** Every event received, oldest first. */
  readonly events: SchedulerEvent[]
  /** Every run-now request, oldest first, with the run id it answered. */
  readonly runRequests: { tenantId: string; queryId: string; runId: string }[]
}

/**
 * Creates a recording {@link Scheduler}. `runNow` answers with ids from `nextRunId`.
 * @example const scheduler = createMemoryScheduler(); ...; expect(scheduler.events).toContainEqual({ type: 'query_deleted', ... })
 */
export function createMemoryScheduler(options: { nextRunId?: () => string } = {}): MemoryScheduler {
  let counter = 0
  const nextRunId = options.nextRunId ?? (() => `run_${++counter}`)
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
      return { runId }
    },
  }
}
