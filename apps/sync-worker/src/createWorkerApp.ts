import { type Authorize, createPostHogHandler, type Logger } from '@statisfy/posthog-sdk/server'
import type { Hono } from 'hono'
import { defaultCatalog } from './config/defaultCatalog'
import type { WorkerConfig } from './config/loadConfig'
import { ping } from './db/migrations'
import { openDatabase, type WorkerDatabase } from './db/openDatabase'
import { createSyncWorker, type SyncWorker } from './runner/createSyncWorker'
import type { WorkerClock } from './runner/WorkerClock'
import { createQueueSlotScheduler } from './schedule/createQueueSlotScheduler'
import { createTimerSlotScheduler } from './schedule/createTimerSlotScheduler'
import type { SlotScheduler } from './schedule/SlotScheduler'
import { bearerTokenAuthorize, createWorkerServer } from './server/createWorkerServer'
import { importedDataRoutes } from './server/importedDataRoutes'
import { createWorkerStores, type WorkerStoreSet } from './store/createWorkerStores'

/** A composed worker process: database, stores, scheduler, worker and HTTP app. */
export interface WorkerApp {
  database: WorkerDatabase
  stores: WorkerStoreSet
  worker: SyncWorker
  /** The HTTP app: the SDK's handler at `/api/posthog`, the imported data at `/api/imported`, `/healthz`, `/readyz`. */
  http: Hono
  /** Stops the worker gracefully, then closes the scheduler's and the database's connections. */
  close(): Promise<void>
}

/** Options of {@link createWorkerApp} beyond the configuration. */
export interface WorkerAppOptions {
  logger: Logger
  /** The host's authentication. @default a bearer token per tenant (`sync-worker tenants token <id>`) */
  authorize?: Authorize
  clock?: WorkerClock
  /** Extra HTTP routes behind `authorize`, beside the imported-data API every deployment serves. */
  routes?: (app: Hono, authorize: Authorize) => void
  /**
   * Wraps the slot scheduler the configuration chose (BullMQ with a queue, else in-process timers), e.g. to observe
   * what reaches it. @default the scheduler as it is
   */
  wrapSlots?: (slots: SlotScheduler) => SlotScheduler
}

/**
 * Builds one worker process from its configuration: the embedded deployment (SQLite, in-process timers) or the
 * scale-out one (PostgreSQL, BullMQ on PostgreSQL or Redis). Everything above the store and the scheduler is the
 * same code. Nothing runs until `worker.start()`.
 */
export async function createWorkerApp(config: WorkerConfig, options: WorkerAppOptions): Promise<WorkerApp> {
  const database = await openDatabase(config.database)
  const stores = createWorkerStores(database, { sealingKey: config.sealingKey, catalog: defaultCatalog })
  const queue = config.queue
    ? createQueueSlotScheduler({
        connection: config.queue,
        logger: options.logger,
        ...(config.queueConcurrency ? { concurrency: config.queueConcurrency } : {}),
      })
    : null
  const chosen: SlotScheduler =
    queue ??
    createTimerSlotScheduler({
      onError: (error, slot) => options.logger.error('A tick failed.', { ...slot, error: String(error) }),
    })
  const slots = options.wrapSlots ? options.wrapSlots(chosen) : chosen
  const hostGuard = { allowHttp: config.allowHttp, allowHosts: config.allowHosts }
  const worker = createSyncWorker({
    database,
    stores,
    slots,
    hostGuard,
    logger: options.logger,
    tunables: config.tunables,
    ...(options.clock ? { clock: options.clock } : {}),
  })
  const authorize = options.authorize ?? bearerTokenAuthorize((token) => stores.tenants.findByToken(token))
  const handler = createPostHogHandler({
    authorize,
    stores: { connections: stores.connections, queries: stores.queries, runs: stores.runs() },
    secrets: stores.secrets,
    directory: (tenantId) => stores.directory(tenantId),
    catalog: stores.catalog,
    scheduler: worker.scheduler,
    hostGuard,
    basePath: '/api/posthog',
    logger: options.logger,
  })
  const http = createWorkerServer({
    handler,
    authorize,
    ready: async () => {
      await ping(database.db)
      const health = await queue?.queueHealth()
      if (health && !health.ok) throw new Error(`The queue is not reachable: ${health.detail}`)
    },
    // The read-only imported-data API (`/api/imported`) is on every deployment: it is how a person sees what a sync
    // wrote without a database client.
    routes: (app, authorize) => {
      importedDataRoutes(stores.data, { logger: options.logger })(app, authorize)
      options.routes?.(app, authorize)
    },
  })
  return {
    database,
    stores,
    worker,
    http,
    async close() {
      await worker.stop()
      await database.close()
    },
  }
}
