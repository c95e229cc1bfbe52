import type { RecordSink, RequestLimiter } from '@statisfy/posthog-sdk'
import type { Logger } from '@statisfy/posthog-sdk/server'
import type { WorkerDatabase } from '../db/openDatabase'
import type { WorkerClock } from './WorkerClock'
import type { WorkerTunables } from './WorkerOptions'
import type { WorkerStores } from './WorkerStores'

/** What a run needs from the worker that executes it. */
export interface RunContext {
  database: WorkerDatabase
  stores: WorkerStores
  clock: WorkerClock
  /** This process, as it signs leases. */
  workerId: string
  tunables: WorkerTunables
  logger: Logger
  /** The fetch PostHog is called with (the API-host guard's). */
  fetch: typeof globalThis.fetch
  /** The shared limiter of a host and key. */
  limiterFor(apiHost: string, personalApiKey: string): RequestLimiter
  /** The PostHog project's time zone, cached per connection. */
  projectTimeZone(key: string, read: () => Promise<string | undefined>): Promise<string | undefined>
  /** A host's own sink, instead of the worker's tables. Its writes are not in the page's transaction. */
  hostSink?: RecordSink
  /** Set when the process is shutting down: a run stops after the page in hand and is resumed by the next process. */
  stopping(): boolean
  /** Aborts when the shutdown's grace period is over. */
  hardStop: AbortSignal
}
