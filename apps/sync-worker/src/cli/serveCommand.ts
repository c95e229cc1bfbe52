import { serve } from '@hono/node-server'
import type { Logger } from '@statisfy/posthog-sdk/server'
import type { WorkerConfig } from '../config/loadConfig'
import { createWorkerApp, type WorkerApp } from '../createWorkerApp'
import { describeDatabase } from '../db/describeDatabase'
import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable'
import { systemClock } from '../runner/WorkerClock'

/**
 * `sync-worker serve`: the worker and its HTTP API. SIGTERM or Ctrl-C stops it gracefully: no new runs, the page in
 * hand is committed (or aborted after the grace period), leases are given back, so the next process starts at once.
 */
export async function serveCommand(config: WorkerConfig, logger: Logger): Promise<number> {
  const app = await whenDatabaseIsUp(config, logger, () => createWorkerApp(config, { logger }))
  if (!app) return 0
  await app.worker.start()
  const server = serve({ fetch: app.http.fetch, port: config.port, hostname: config.host })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  logger.info('Serving.', {
    url: `http://${config.host}:${port}`,
    database: config.database.kind,
    scheduler: config.queue ? ('redis' in config.queue ? 'bullmq+redis' : 'bullmq+postgres') : 'embedded',
  })
  // A line for people and for the tests that start this process: the URL it listens on.
  console.log(`sync-worker listening on http://${config.host}:${port}`)
  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = async (signal: string) => {
      if (stopping) return
      stopping = true
      logger.info('Stopping.', { signal })
      server.close()
      try {
        await app.close()
        resolve(0)
      } catch (error) {
        logger.error('Stopping failed.', { error: String(error) })
        resolve(1)
      }
    }
    process.once('SIGTERM', () => void stop('SIGTERM'))
    process.once('SIGINT', () => void stop('SIGINT'))
  })
}

const FIRST_RETRY_MS = 1000
const LAST_RETRY_MS = 15_000

/**
 * Opens the worker, waiting for a database that is not up yet (a PostgreSQL still starting, or restarted beside the
 * worker): each failed attempt is logged with what to do, retried with a growing wait, and SIGTERM or Ctrl-C meanwhile
 * ends the process cleanly (returns null). Any other failure (bad credentials, a file that cannot be opened) is thrown
 * at once: waiting would not fix it.
 */
async function whenDatabaseIsUp(
  config: WorkerConfig,
  logger: Logger,
  open: () => Promise<WorkerApp>,
): Promise<WorkerApp | null> {
  const stop = new AbortController()
  const onSignal = () => stop.abort()
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
  try {
    for (let waitMs = FIRST_RETRY_MS; ; waitMs = Math.min(waitMs * 2, LAST_RETRY_MS)) {
      try {
        return await open()
      } catch (error) {
        if (!isDatabaseUnreachable(error)) throw error
        logger.error(
          `${describeDatabase(config.database)} is not reachable; retrying in ${waitMs / 1000} s. Start it, or fix DATABASE_URL.`,
          // Node reports a host with several addresses as an AggregateError whose own message is empty.
          { error: error instanceof AggregateError ? error.errors.map(String).join('; ') : String(error) },
        )
      }
      const waited = await systemClock.sleep(waitMs, stop.signal).then(
        () => true,
        () => false,
      )
      if (!waited) return null
    }
  } finally {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
  }
}
