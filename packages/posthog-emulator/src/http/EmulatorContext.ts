import type { Session } from 'chdb'
import type { FaultInjector } from '../faults/FaultInjector'
import type { Clock } from '../limits/Clock'
import type { ConcurrencyLimiter } from '../limits/ConcurrencyLimiter'
import type { RateLimiter } from '../limits/RateLimiter'
import type { AsyncQueryStore } from '../query/AsyncQueryStore'
import type { RequestLog } from '../traffic/RequestLog'

/** Everything request handling needs; built once per emulator. */
export interface EmulatorContext {
  session: Session
  database: string
  clock: Clock
  /** `http://host:port`, for URLs in responses. Set once the server listens. */
  siteUrl: string
  cors: boolean
  maxExecutionTime: number
  faults: FaultInjector
  /** Every `/api/` request received, for tests of clients' limits. */
  requests: RequestLog
  /** Query endpoint throttles (API-queries burst + sustained). */
  queryLimiter: RateLimiter
  /** Throttles of every other endpoint. */
  otherLimiter: RateLimiter
  concurrency: ConcurrencyLimiter
  asyncQueries: AsyncQueryStore
  /** Property names per project and kind, read from the data once. */
  propertyNames: Map<string, Promise<string[]>>
}
