import { serve } from '@hono/node-server'
import type { Logger } from '@statisfy/posthog-sdk/server'
import type { WorkerConfig } from '../config/loadConfig'
import { createWorkerApp } from '../createWorkerApp'

/**
 * `sync-worker serve`: the worker and its HTTP API. SIGTERM or Ctrl-C stops it gracefully: no new runs, the page in
 * hand is committed (or aborted after the grace period), leases are given back, so the next process starts at once.
 */
export async function serveCommand(config: WorkerConfig, logger: Logger): Promise<number> {
  const app = await createWorkerApp(config, { logger })
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
