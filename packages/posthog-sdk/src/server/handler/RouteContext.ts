import type * as z from 'zod'
import type { ApiOperationName, apiOperations } from '../../api/index'
import type { PostHogClient, PostHogClientOptions } from '../../client/index'
import type { AccountDirectory } from '../../resolve/index'
import type { HostGuard } from '../guard/createHostGuard'
import type { CatalogProvider } from '../ports/CatalogProvider'
import type { ConnectionStore } from '../ports/ConnectionStore'
import type { Logger } from '../ports/Logger'
import type { QueryStore } from '../ports/QueryStore'
import type { RunStore } from '../ports/RunStore'
import type { Scheduler } from '../ports/Scheduler'
import type { SecretStore } from '../ports/SecretStore'

/** Everything a route needs, resolved once per handler; `tenantId` and `signal` are per request. */
export interface RouteContext {
  tenantId: string
  signal: AbortSignal
  now(): Date
  connections: ConnectionStore
  queries: QueryStore
  runs: RunStore
  secrets: SecretStore
  catalog: CatalogProvider
  scheduler: Scheduler
  directory(tenantId: string): AccountDirectory | Promise<AccountDirectory>
  logger: Logger
  guard: HostGuard
  /** Builds a PostHog client whose every request passes the host guard and the response caps. */
  createClient(connection: Pick<PostHogClientOptions, 'apiHost' | 'projectId' | 'personalApiKey'>): PostHogClient
  /** `runStalledAfterMs`: a run in flight not saved for longer is served `stalled` (see `markStalled`). */
  limits: { maxHogqlLength: number; runStalledAfterMs: number }
}

type Op<K extends ApiOperationName> = (typeof apiOperations)[K]
type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined

/** The parsed inputs of operation `K`. */
export interface OperationInput<K extends ApiOperationName> {
  params: Parsed<Op<K> extends { params: infer S } ? S : undefined>
  query: Parsed<Op<K> extends { query: infer S } ? S : undefined>
  body: Parsed<Op<K> extends { body: infer S } ? S : undefined>
}

/** What operation `K` resolves with: its JSON body, CSV text, or nothing (204). */
export type OperationResult<K extends ApiOperationName> = Op<K>['response'] extends {
  type: 'json'
  schema: infer S extends z.ZodType
}
  ? z.output<S>
  : Op<K>['response'] extends { type: 'csv' }
    ? string
    : undefined

/** One function per operation. */
export type OperationHandlers = {
  [K in ApiOperationName]: (context: RouteContext, input: OperationInput<K>) => Promise<OperationResult<K>>
}

/**
 * The secret name under which the handler keeps a tenant's PostHog key in the {@link SecretStore}: a worker that
 * shares the handler's secret store reads the key under this name.
 */
export const POSTHOG_KEY_SECRET = 'posthog_personal_api_key'
