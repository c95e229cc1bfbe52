import type * as z from 'zod'
import {
  ApiError,
  ApiErrorCode,
  type ApiOperationName,
  apiOperations,
  isApiError,
  runHeartbeat,
  toApiIssues,
} from '../../api/index'
import { createPostHogClient, type PostHogClientOptions } from '../../client/index'
import { MAX_HOGQL_LENGTH } from '../../config/index'
import type { AccountDirectory } from '../../resolve/index'
import { createGuardedFetch } from '../guard/createGuardedFetch'
import { createHostGuard, type HostGuardOptions } from '../guard/createHostGuard'
import type { Authorize } from '../ports/Authorize'
import type { CatalogProvider } from '../ports/CatalogProvider'
import type { ConnectionStore } from '../ports/ConnectionStore'
import type { LogFields, Logger } from '../ports/Logger'
import type { QueryStore } from '../ports/QueryStore'
import type { RunStore } from '../ports/RunStore'
import type { Scheduler } from '../ports/Scheduler'
import type { SecretStore } from '../ports/SecretStore'
import { matchRoute } from './matchRoute'
import type { OperationHandlers, RouteContext } from './RouteContext'
import { readJsonBody } from './readJsonBody'
import { redactKeys } from './redactKeys'
import { catalogRoutes } from './routes/catalogRoutes'
import { connectionRoutes } from './routes/connectionRoutes'
import { dryRunRoutes } from './routes/dryRunRoutes'
import { hogqlRoutes } from './routes/hogqlRoutes'
import { queryRoutes } from './routes/queryRoutes'
import { runRoutes } from './routes/runRoutes'

/** Size and time limits of the handler. */
export interface PostHogHandlerLimits {
  /** Largest request body, in bytes. @default 1 MiB */
  maxBodyBytes?: number
  /** Longest HogQL accepted for validate, preview, dry run and saved queries. @default 100000 (the config's limit) */
  maxHogqlLength?: number
  /** Largest PostHog response read, in bytes. @default 32 MiB */
  maxResponseBytes?: number
  /** Time allowed for one PostHog exchange, in ms. @default 60000 */
  posthogTimeoutMs?: number
  /**
   * A run still `queued` or `running` whose last save (`updatedAt`) is older than this, in ms, is served with
   * `stalled: true`: its worker has most likely died. Keep it well above the interval your worker saves running runs
   * at (`runHeartbeat.saveEveryMs`), and above how long a run may wait queued without being re-saved.
   * @default 300000 (`runHeartbeat.stalledAfterMs`, 5 minutes)
   * @example limits: { runStalledAfterMs: 15 * 60_000 } // a queue where runs wait up to 10 minutes
   */
  runStalledAfterMs?: number
}

/** Options of {@link createPostHogHandler}: the ports the host implements. */
export interface PostHogHandlerOptions {
  /** Authenticates the request and names its tenant; every store call is scoped to that tenant. */
  authorize: Authorize
  /** Where connections, saved queries and run reports live. */
  stores: { connections: ConnectionStore; queries: QueryStore; runs: RunStore }
  /** Where PostHog keys are kept (sealed, or in a secret manager). */
  secrets: SecretStore
  /** The tenant's accounts, for the dry run's resolver match rate. */
  directory: (tenantId: string) => AccountDirectory | Promise<AccountDirectory>
  /** What the tenant can write, and the resolvers it supports. */
  catalog: CatalogProvider
  /** Told of saves, deletes and enable changes; asked to run now. */
  scheduler: Scheduler
  /** @default a logger that drops everything */
  logger?: Logger
  /** API-host guard settings (allow http or private hosts for local development and self-hosted PostHog). */
  hostGuard?: HostGuardOptions
  /** The fetch PostHog is reached with (behind the guard). @default globalThis.fetch */
  fetch?: typeof fetch
  /**
   * Where the handler is mounted (`/api/posthog`). Without it, routes are matched on the end of the path, which
   * works under any prefix.
   */
  basePath?: string
  limits?: PostHogHandlerLimits
  /**
   * PostHog client settings for interactive calls.
   * @default { retry: { attempts: 2, maxElapsedMs: 20000 } } (a person is waiting)
   */
  postHogClient?: Pick<PostHogClientOptions, 'retry' | 'rateLimit' | 'limiter' | 'clock' | 'timeoutMs' | 'userAgent'>
  /** The clock for timestamps. @default () => new Date() */
  now?: () => Date
}

/** What a request is known to be so far, for the access log (filled in as dispatch learns it). */
interface Trace {
  operation?: ApiOperationName
  tenantId?: string
  /** The error code answered, if any. */
  code?: string
}

const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }

const handlers: OperationHandlers = {
  ...connectionRoutes,
  ...hogqlRoutes,
  ...dryRunRoutes,
  ...queryRoutes,
  ...runRoutes,
  ...catalogRoutes,
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers },
  })
}

function parseWith(schema: z.ZodType | undefined, value: unknown, where: 'body' | 'path' | 'query'): unknown {
  if (!schema) return undefined
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = toApiIssues(result.error)
  const lines = issues.map((issue) => `${issue.path || `(${where})`}: ${issue.message}`)
  throw new ApiError(ApiErrorCode.InvalidRequest, `Fix the request ${where}: ${lines.join('; ')}`, {
    status: 400,
    issues,
  })
}

/**
 * Creates the host backend's request handler: a Fetch-API `(Request) => Promise<Response>` serving every operation of
 * the wire protocol (`apiOperations`) behind the host's `authorize`. Mount it in any framework (Hono, Express via
 * `toNodeHandler`, Next.js route handlers, Deno, Bun, workers).
 *
 * - Bodies, path parameters and query strings are parsed with the protocol's zod schemas; bad input is a 400
 *   `{ error: { code: 'invalid_request', message, issues: [{ path, message }] } }`, never a 500.
 * - Unknown paths are 404 `route_not_found`; a known path with another method is 405 with `Allow`.
 * - PostHog errors keep the client's codes (`authentication`, `hogql_syntax`, `rate_limited`, ...); refused API hosts
 *   answer `host_private_address`, `host_not_https`, ... with the `apiHost` field.
 * - Keys never appear in responses or logs: responses carry `keyHint` only.
 *
 * @example
 * const handler = createPostHogHandler({
 *   authorize: async (request) => ({ tenantId: await tenantOf(request) }),
 *   stores: { connections, queries, runs },
 *   secrets: createSealingSecretStore({ keys: [{ id: 'k1', key: process.env.SEALING_KEY! }], currentKeyId: 'k1', storage }),
 *   directory: (tenantId) => accountDirectoryFor(tenantId),
 *   catalog, scheduler,
 * })
 */
export function createPostHogHandler(options: PostHogHandlerOptions): (request: Request) => Promise<Response> {
  const logger = options.logger ?? silentLogger
  const guard = createHostGuard(options.hostGuard)
  const maxBodyBytes = options.limits?.maxBodyBytes ?? 1024 * 1024
  const maxHogqlLength = Math.min(options.limits?.maxHogqlLength ?? MAX_HOGQL_LENGTH, MAX_HOGQL_LENGTH)
  const guardedFetch = createGuardedFetch({
    guard,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    maxResponseBytes: options.limits?.maxResponseBytes ?? 32 * 1024 * 1024,
    timeoutMs: options.limits?.posthogTimeoutMs ?? 60_000,
  })
  const clientSettings = options.postHogClient ?? {}
  const now = options.now ?? (() => new Date())
  const log = (level: keyof Logger, message: string, fields: LogFields) => {
    const clean: LogFields = {}
    for (const [key, value] of Object.entries(fields))
      clean[key] = typeof value === 'string' ? redactKeys(value) : value
    logger[level](redactKeys(message), clean)
  }

  const base = {
    now,
    connections: options.stores.connections,
    queries: options.stores.queries,
    runs: options.stores.runs,
    secrets: options.secrets,
    catalog: options.catalog,
    scheduler: options.scheduler,
    directory: options.directory,
    logger: {
      debug: log.bind(null, 'debug'),
      info: log.bind(null, 'info'),
      warn: log.bind(null, 'warn'),
      error: log.bind(null, 'error'),
    },
    guard,
    limits: { maxHogqlLength, runStalledAfterMs: options.limits?.runStalledAfterMs ?? runHeartbeat.stalledAfterMs },
    createClient: (connection: Pick<PostHogClientOptions, 'apiHost' | 'projectId' | 'personalApiKey'>) =>
      createPostHogClient({
        retry: { attempts: 2, maxElapsedMs: 20_000 },
        ...clientSettings,
        ...connection,
        fetch: guardedFetch,
      }),
  }

  async function dispatch(request: Request, url: URL, trace: Trace): Promise<Response> {
    const route = matchRoute(request.method, url.pathname, options.basePath)
    switch (route.kind) {
      case 'not_found':
        throw new ApiError(ApiErrorCode.RouteNotFound, `No PostHog route at ${request.method} ${url.pathname}.`, {
          status: 404,
        })
      case 'bad_path':
        throw new ApiError(ApiErrorCode.InvalidRequest, route.message, {
          status: 400,
          issues: [{ path: '', message: route.message }],
        })
      case 'method_not_allowed':
        return json(
          405,
          new ApiError(
            ApiErrorCode.MethodNotAllowed,
            `${url.pathname} does not accept ${request.method}; use ${route.allow.join(' or ')}.`,
            {
              status: 405,
            },
          ).toBody(),
          { allow: route.allow.join(', ') },
        )
      case 'found':
        break
      default:
        return route satisfies never
    }
    const operation = route.name
    trace.operation = operation
    const spec = apiOperations[operation]

    let auth: Awaited<ReturnType<Authorize>>
    try {
      auth = await options.authorize(request)
    } catch (error) {
      log('warn', 'posthog api authorize threw', {
        operation,
        error: error instanceof Error ? error.message : String(error),
      })
      throw new ApiError(ApiErrorCode.Unauthorized, 'Sign in again to manage the PostHog integration.', { status: 401 })
    }
    if ('reject' in auth) {
      const forbidden = auth.reject === 'forbidden'
      throw new ApiError(
        forbidden ? ApiErrorCode.Forbidden : ApiErrorCode.Unauthorized,
        auth.message ??
          (forbidden
            ? 'You may not manage the PostHog integration.'
            : 'Sign in again to manage the PostHog integration.'),
        { status: forbidden ? 403 : 401 },
      )
    }
    const { tenantId } = auth
    trace.tenantId = tenantId

    const params = parseWith('params' in spec ? spec.params : undefined, route.params, 'path')
    const query = parseWith('query' in spec ? spec.query : undefined, Object.fromEntries(url.searchParams), 'query')
    let body: unknown
    if ('body' in spec) {
      const raw = (await readJsonBody(request, maxBodyBytes)) ?? {}
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new ApiError(ApiErrorCode.InvalidRequest, 'The body must be a JSON object.', {
          status: 400,
          issues: [{ path: '', message: 'Send a JSON object, e.g. {"hogql": "SELECT 1"}.' }],
        })
      }
      body = parseWith(spec.body, raw, 'body')
    }

    const context: RouteContext = { ...base, tenantId, signal: request.signal }
    const run = handlers[operation] as (
      context: RouteContext,
      input: { params: unknown; query: unknown; body: unknown },
    ) => Promise<unknown>
    const result = await run(context, { params, query, body })
    switch (spec.response.type) {
      case 'json':
        return json(spec.status, result)
      case 'csv':
        return new Response(String(result), {
          status: spec.status,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="posthog-run-rejects.csv"`,
            ...SECURITY_HEADERS,
          },
        })
      case 'none':
        return new Response(null, { status: spec.status, headers: SECURITY_HEADERS })
      default:
        return spec.response satisfies never
    }
  }

  return async function postHogHandler(request) {
    const started = Date.now()
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return json(
        400,
        new ApiError(ApiErrorCode.InvalidRequest, 'The request URL is not valid.', { status: 400 }).toBody(),
      )
    }
    const trace: Trace = {}
    let response: Response
    try {
      response = await dispatch(request, url, trace)
    } catch (error) {
      trace.code = isApiError(error) ? error.code : ApiErrorCode.InternalError
      if (isApiError(error)) {
        response = json(error.status, {
          error: {
            ...error.toBody().error,
            message: redactKeys(error.message),
            ...(error.issues.length > 0
              ? { issues: error.issues.map((issue) => ({ path: issue.path, message: redactKeys(issue.message) })) }
              : {}),
          },
        })
        if (error.status === 429 && error.retryAfterSeconds !== undefined) {
          response.headers.set('retry-after', String(error.retryAfterSeconds))
        }
      } else {
        log('error', 'posthog api request failed', {
          method: request.method,
          path: url.pathname,
          operation: trace.operation,
          tenantId: trace.tenantId,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          code: error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : undefined,
        })
        response = json(
          500,
          new ApiError(
            ApiErrorCode.InternalError,
            'Something failed on the server; try again, and contact support if it persists.',
            {
              status: 500,
            },
          ).toBody(),
        )
      }
    }
    log(response.status >= 500 ? 'warn' : 'info', 'posthog api request', {
      method: request.method,
      path: url.pathname,
      operation: trace.operation,
      tenantId: trace.tenantId,
      status: response.status,
      code: trace.code,
      durationMs: Date.now() - started,
    })
    return response
  }
}
