import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as z from 'zod'
import { DEMO_KEYS } from '../auth/demoKeys'
import { type DatasetSpec, datasetStartDate } from '../data/generateDataset'
import { defaultDataDir, loadDataset } from '../data/loadDataset'
import { acquireSession, releaseSession } from '../data/sharedSession'
import { FaultInjector } from '../faults/FaultInjector'
import { loadHogQLParser } from '../hogql/parser/loadHogQLParser'
import { createHandler, type FetchHandler } from '../http/createHandler'
import type { EmulatorContext } from '../http/EmulatorContext'
import { toNodeListener } from '../http/toNodeListener'
import { type Clock, systemClock } from '../limits/Clock'
import { ConcurrencyLimiter } from '../limits/ConcurrencyLimiter'
import { RateLimiter } from '../limits/RateLimiter'
import { AsyncQueryStore, STATUS_TTL_SECONDS } from '../query/AsyncQueryStore'
import { RequestLog } from '../traffic/RequestLog'
import { BERLIN_PROJECT_ID, DEFAULT_PROJECT_ID } from './projects'

const rateLimitsSchema = z.strictObject({
  /** Query requests per key per minute (PostHog API-queries burst). @default 240 */
  burstPerMinute: z.number().int().positive().default(240),
  /** Query requests per key per hour (sustained). @default 2400 */
  sustainedPerHour: z.number().int().positive().default(2400),
  /** Other endpoints, per key per minute. @default 480 */
  otherBurstPerMinute: z.number().int().positive().default(480),
  /** Other endpoints, per key per hour. @default 4800 */
  otherSustainedPerHour: z.number().int().positive().default(4800),
  /** Concurrent HogQL queries per organisation. @default 3 */
  concurrentQueries: z.number().int().positive().default(3),
  /** How long a query waits for a free slot before the 429. @default 30000 */
  concurrencyWaitMs: z.number().int().nonnegative().default(30_000),
})

const optionsSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  seed: z.number().int().min(0).default(42),
  size: z.number().int().min(1000).max(20_000_000).default(100_000),
  dataDir: z.string().min(1).optional(),
  endDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'endDate must be YYYY-MM-DD')
    .optional(),
  cors: z.boolean().default(false),
  rateLimits: rateLimitsSchema.default(rateLimitsSchema.parse({})),
  maxExecutionTime: z.number().positive().default(10),
  asyncStatusTtlSeconds: z.number().positive().default(STATUS_TTL_SECONDS),
})

/** Options of {@link startEmulator}. */
export type StartEmulatorOptions = z.input<typeof optionsSchema> & {
  /** Time source for rate limits, async status expiry and cache timestamps. @default the system clock */
  clock?: Clock
}

/** A running emulator. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  url: string
  host: string
  port: number
  /** The default project (UTC): 12345. */
  projectId: number
  /** Both seeded projects. */
  projects: { default: number; berlin: number }
  /** Demo credentials (see the README). */
  keys: typeof DEMO_KEYS
  /** Fault injection: `faults.add({ kind: 'throttle', count: 2 })`, `faults.reset()`. */
  faults: FaultInjector
  /**
   * The `/api/` requests received: `requests.peakConcurrency(key)` (most of a key in the emulator at once),
   * `requests.list(key)`, `requests.clear()`. Observation for tests; it changes no answer.
   */
  requests: RequestLog
  /** The Fetch-style handler behind the server (usable without HTTP). */
  handler: FetchHandler
  /** The seeded dataset. */
  dataset: { seed: number; size: number; startDate: string; endDate: string; database: string }
  /** Stops the server and releases the chdb session. */
  close(): Promise<void>
}

/**
 * Starts a local PostHog query API on embedded ClickHouse with a seeded dataset (cached in `dataDir`).
 * @example
 * const emulator = await startEmulator()
 * const res = await fetch(`${emulator.url}/api/projects/${emulator.projectId}/query/`, {
 *   method: 'POST',
 *   headers: { Authorization: `Bearer ${emulator.keys.full}`, 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ query: { kind: 'HogQLQuery', query: 'select count() from events' } }),
 * })
 * await emulator.close()
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  const { clock = systemClock, ...rest } = options
  const parsed = optionsSchema.safeParse(rest)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new TypeError(`Invalid startEmulator option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`)
  }
  const config = parsed.data
  // PostHog's parser (WebAssembly, ~30 ms) is loaded before the first request so compiling stays synchronous.
  await loadHogQLParser()
  const spec: DatasetSpec = {
    seed: config.seed,
    size: config.size,
    endDate: config.endDate ?? new Date(clock.now()).toISOString().slice(0, 10),
  }
  const { session, loaded } = acquireSession()
  let database: string
  try {
    database = await loadDataset(session, loaded, spec, config.dataDir ?? defaultDataDir())
  } catch (error) {
    releaseSession()
    throw error
  }
  const limits = config.rateLimits
  const faults = new FaultInjector()
  const requests = new RequestLog()
  const context: EmulatorContext = {
    session,
    database,
    clock,
    siteUrl: '',
    cors: config.cors,
    maxExecutionTime: config.maxExecutionTime,
    faults,
    requests,
    queryLimiter: new RateLimiter(
      [
        { requests: limits.burstPerMinute, windowSeconds: 60 },
        { requests: limits.sustainedPerHour, windowSeconds: 3600 },
      ],
      clock,
    ),
    otherLimiter: new RateLimiter(
      [
        { requests: limits.otherBurstPerMinute, windowSeconds: 60 },
        { requests: limits.otherSustainedPerHour, windowSeconds: 3600 },
      ],
      clock,
    ),
    concurrency: new ConcurrencyLimiter(limits.concurrentQueries, limits.concurrencyWaitMs),
    asyncQueries: new AsyncQueryStore(clock, config.asyncStatusTtlSeconds),
    propertyNames: new Map(),
  }
  const handler = createHandler(context)
  const server = createServer(toNodeListener(handler, () => context.siteUrl))
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, config.host, () => resolve())
    })
  } catch (error) {
    releaseSession()
    throw error
  }
  const address = server.address() as AddressInfo
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address
  context.siteUrl = `http://${hostForUrl}:${address.port}`
  let closed = false
  return {
    url: context.siteUrl,
    host: address.address,
    port: address.port,
    projectId: DEFAULT_PROJECT_ID,
    projects: { default: DEFAULT_PROJECT_ID, berlin: BERLIN_PROJECT_ID },
    keys: DEMO_KEYS,
    faults,
    requests,
    handler,
    dataset: { ...spec, startDate: datasetStartDate(spec), database },
    close: async () => {
      if (closed) return
      closed = true
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      releaseSession()
    },
  }
}
