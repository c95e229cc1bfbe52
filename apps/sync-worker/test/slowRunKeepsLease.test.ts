// Guarantee 7, the other half: a slow but live run (a 10 s PostHog query, then CPU-heavy pages of up to 50,000 rows)
// keeps its lease, so a second process sweeping every 300 ms for orphaned runs never takes it over or runs it twice,
// even with a lease (3 s) far shorter than the run.
import type { Emulator } from '@statisfy/posthog-emulator'
import { isRunInFlight } from '@statisfy/posthog-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { openDatabase } from '../src/db/openDatabase'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { createTestDatabaseConfig, dialects } from './testDatabases'
import { perEventQuery, SEALING_KEY, seedTenant, startTestEmulator, TENANT } from './workerHarness'
import { spawnWorker, waitFor, workerEnv } from './workerProcess'

const LEASE_MS = 3000
const SLOW_QUERY_MS = 10_000

let emulator: Emulator
beforeAll(async () => {
  // The per-event query's first window comes back full (50,000 rows), and the pages after it are large.
  emulator = await startTestEmulator(120_000)
})
afterAll(() => emulator?.close())

describe.each(dialects)('a slow but live run on %s', (kind) => {
  it('is never taken over by another process, and runs once', async () => {
    const config = await createTestDatabaseConfig(kind)
    const database = await openDatabase(config)
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    await seedTenant(stores, emulator)
    const now = new Date().toISOString()
    // Monthly, so no slot falls due during the test: the only run is the one `run` starts.
    const definition = perEventQuery({ cadence: { kind: 'monthly', day: 1, at: '00:00', timeZone: 'UTC' } })
    await stores.queries.put(TENANT, { definition, createdAt: now, updatedAt: now })
    const env = workerEnv(config, { SYNC_WORKER_LEASE_MS: String(LEASE_MS), SYNC_WORKER_SWEEP_MS: '300' })
    const watcher = spawnWorker(['serve'], env)
    try {
      await waitFor('the watching worker to serve', async () => watcher.output().includes('Serving.'))
      // The first PostHog request takes 10 s, more than three leases.
      emulator.faults.add({ kind: 'delay', delayMs: SLOW_QUERY_MS, count: 1, route: '/query' })
      const started = Date.now()
      const runner = spawnWorker(['run', 'per-event', '--json'], env)
      expect(await runner.exited).toBe(0)
      expect(Date.now() - started).toBeGreaterThan(SLOW_QUERY_MS)
      const rows = await database.db.selectFrom('runs').selectAll().execute()
      expect(rows).toHaveLength(1)
      // One attempt: the watcher never took the run, and nothing was read twice.
      expect(rows[0]?.attempts).toBe(1)
      const run = await stores.runs().get(TENANT, rows[0]?.id ?? '')
      if (!run || isRunInFlight(run)) throw new Error('the run did not finish')
      expect(run.status === 'succeeded' || run.status === 'partial').toBe(true)
      expect(run.counts.read).toBeGreaterThan(100_000)
      expect((await stores.data.checksum(TENANT)).counts.product_usage).toBe(run.counts.written)
      expect(watcher.output()).not.toContain(rows[0]?.id ?? '')
    } catch (error) {
      throw new Error(`${error}\n--- watcher:\n${watcher.output().slice(-3000)}`)
    } finally {
      emulator.faults.reset()
      watcher.child.kill('SIGTERM')
      expect(await watcher.exited).toBe(0)
      await database.close()
    }
  }, 120_000)
})
