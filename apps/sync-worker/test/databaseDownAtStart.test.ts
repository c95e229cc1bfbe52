// `serve` started before its PostgreSQL: it stays up, says which database it cannot reach and what to do, retries,
// and starts serving once the database is there. SIGTERM while it waits ends it cleanly.
import { describe, expect, it } from 'vitest'
import { freePort } from './freePort'
import { startPrivatePostgres } from './privatePostgres'
import { postgresUrl } from './testDatabases'
import { spawnWorker, waitFor, workerEnv } from './workerProcess'

// Only where PostgreSQL is installed (the tests' own server is started by test/globalSetup.ts then).
const withPostgres = postgresUrl ? describe : describe.skip

withPostgres('a worker whose PostgreSQL is down at start', () => {
  it('waits for it, naming it and what to do, then serves', async () => {
    const port = await freePort()
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`
    const worker = spawnWorker(['serve'], workerEnv({ kind: 'postgres', url }))
    let postgres: Awaited<ReturnType<typeof startPrivatePostgres>> | null = null
    try {
      await waitFor('the worker to say it cannot reach the database', async () =>
        worker.output().includes(`PostgreSQL at 127.0.0.1:${port}/postgres is not reachable; retrying in`),
      )
      expect(worker.output()).toContain('Start it, or fix DATABASE_URL.')
      expect(worker.output()).toContain('ECONNREFUSED')
      // Still up after a retry or two.
      await new Promise((resolve) => setTimeout(resolve, 2500))
      expect(worker.child.exitCode).toBeNull()
      postgres = await startPrivatePostgres({ port })
      await waitFor('the worker to serve', async () => worker.output().includes('sync-worker listening on'), 40_000)
      const address = /listening on (http:\/\/\S+)/.exec(worker.output())?.[1]
      const ready = await fetch(`${address}/readyz`)
      expect(ready.status).toBe(200)
    } catch (error) {
      throw new Error(`${error}\n--- worker:\n${worker.output().slice(-3000)}`)
    } finally {
      worker.child.kill('SIGTERM')
      await worker.exited
      postgres?.stop()
    }
    expect(await worker.exited).toBe(0)
  }, 90_000)

  it('ends with exit 0 on SIGTERM while it waits', async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`
    const worker = spawnWorker(['serve'], workerEnv({ kind: 'postgres', url }))
    await waitFor('the first retry', async () => worker.output().includes('is not reachable; retrying in'))
    worker.child.kill('SIGTERM')
    expect(await worker.exited).toBe(0)
  }, 60_000)
})
