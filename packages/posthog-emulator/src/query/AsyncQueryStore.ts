import { randomBytes } from 'node:crypto'
import type { Clock } from '../limits/Clock'
import { isoMicros } from './runHogQLQuery'

/** Seconds a finished query's status stays readable. SRC: `posthog/clickhouse/client/execute_async.py` STATUS_TTL_SECONDS. */
export const STATUS_TTL_SECONDS = 600

interface Entry {
  id: string
  teamId: number
  taskId: string
  startTime: number
  pickupTime: number | null
  endTime: number | null
  complete: boolean
  error: boolean
  errorMessage: string | null
  results: Record<string, unknown> | null
  cancelled: boolean
}

/** Outcome of a background run. */
export type AsyncOutcome = { ok: true; response: Record<string, unknown> } | { ok: false; userMessage: string | null }

/**
 * Async query statuses (`refresh: "async"`), kept like PostHog's Redis records: readable until `ttlSeconds` after
 * completion, then gone (404), and removable by cancel.
 */
export class AsyncQueryStore {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds = STATUS_TTL_SECONDS,
  ) {}

  /** Registers a query and runs it in the background. */
  start(id: string, teamId: number, run: () => Promise<AsyncOutcome>): Record<string, unknown> {
    const entry: Entry = {
      id,
      teamId,
      taskId: randomBytes(8).toString('hex'),
      startTime: this.clock.now(),
      pickupTime: null,
      endTime: null,
      complete: false,
      error: false,
      errorMessage: null,
      results: null,
      cancelled: false,
    }
    this.entries.set(this.key(teamId, id), entry)
    queueMicrotask(() => {
      if (entry.cancelled) return
      entry.pickupTime = this.clock.now()
      run().then((outcome) => {
        if (entry.cancelled) return
        entry.complete = true
        entry.endTime = this.clock.now()
        if (outcome.ok) entry.results = outcome.response
        else {
          entry.error = true
          entry.errorMessage = outcome.userMessage
        }
      })
    })
    return this.status(entry)
  }

  /** The status of a live (not expired) query, or `null`. */
  get(
    teamId: number,
    id: string,
  ): { status: Record<string, unknown>; complete: boolean; error: boolean; errorMessage: string | null } | null {
    const entry = this.entries.get(this.key(teamId, id))
    if (entry === undefined) return null
    if (entry.endTime !== null && this.clock.now() > entry.endTime + this.ttlSeconds * 1000) {
      this.entries.delete(this.key(teamId, id))
      return null
    }
    return {
      status: this.status(entry),
      complete: entry.complete,
      error: entry.error,
      errorMessage: entry.errorMessage,
    }
  }

  /**
   * Cancels a query and forgets its status, answering PostHog's messages: a finished query is left alone
   * ("Query already complete"); anything else, known or not, is "Cancelled query on clickhouse"
   * ("Only tried to dequeue, ..." with `dequeueOnly`). SRC: `posthog/clickhouse/client/execute_async.py` `cancel_query`.
   */
  cancel(teamId: number, id: string, dequeueOnly = false): string {
    const entry = this.entries.get(this.key(teamId, id))
    if (entry?.complete) return 'Query already complete'
    if (entry !== undefined) {
      entry.cancelled = true
      this.entries.delete(this.key(teamId, id))
    }
    return dequeueOnly ? 'Only tried to dequeue, not cancelling query on clickhouse' : 'Cancelled query on clickhouse'
  }

  private key(teamId: number, id: string): string {
    return `${teamId}:${id}`
  }

  private status(entry: Entry): Record<string, unknown> {
    return {
      id: entry.id,
      team_id: entry.teamId,
      query_async: true,
      complete: entry.complete,
      error: entry.error,
      error_message: entry.errorMessage,
      results: entry.results,
      start_time: isoMicros(entry.startTime),
      pickup_time: entry.pickupTime === null ? null : isoMicros(entry.pickupTime),
      end_time: entry.endTime === null ? null : isoMicros(entry.endTime),
      expiration_time: entry.endTime === null ? null : isoMicros(entry.endTime + this.ttlSeconds * 1000),
      task_id: entry.taskId,
      query_progress: null,
    }
  }
}
