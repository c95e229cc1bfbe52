// Guarantee 8 with real processes: two `serve` workers on one database share each PostHog key's limits, as the
// emulator (standing for PostHog) sees them; a 429's pause holds that key only, and a held run is delayed, not dropped.
import type { Emulator } from '@statisfy/posthog-emulator'
import { isRunInFlight } from '@statisfy/posthog-sdk'
import { keyHint, POSTHOG_KEY_SECRET } from '@statisfy/posthog-sdk/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { type DatabaseConfig, openDatabase, type WorkerDatabase } from '../src/db/openDatabase'
import { createWorkerStores, type WorkerStoreSet } from '../src/store/createWorkerStores'
import { dueNow } from './dueNow'
import { createTestDatabaseConfig, dialects } from './testDatabases'
import { dailyUsageQuery, SEALING_KEY, seedTenant, startTestEmulator, TENANT } from './workerHarness'
import { spawnWorker, type WorkerProcess, waitFor, workerEnv } from './workerProcess'

const OTHER_TENANT = 'globex'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator?.close())

/** A fresh database with the two tenants: acme on the full-access key, globex on the query-only key. */
async function twoTenants(kind: 'sqlite' | 'postgres') {
  const config = await createTestDatabaseConfig(kind)
  const database = await openDatabase(config)
  const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
  await seedTenant(stores, emulator)
  await seedTenant(stores, emulator, OTHER_TENANT)
  await stores.secrets.put(OTHER_TENANT, POSTHOG_KEY_SECRET, emulator.keys.queryOnly)
  await stores.connections.put(OTHER_TENANT, {
    apiHost: emulator.url,
    projectId: emulator.projectId,
    keyHint: keyHint(emulator.keys.queryOnly),
    updatedAt: new Date().toISOString(),
  })
  return { config, database, stores }
}

/** A small hourly query (a few hundred rows): these tests are about requests, not volume. */
function monthlyUsageQuery(id: string) {
  return dailyUsageQuery({
    id,
    name: `Monthly events ${id}`,
    hogql: `select $group_0 as org_id, toStartOfMonth(timestamp) as day, 'events' as metric, count() as value
from events where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''
group by org_id, day`,
  })
}

/** Saves small hourly queries whose current slot is due now; returns that slot. */
async function dueQueries(database: WorkerDatabase, stores: WorkerStoreSet, tenantId: string, ids: string[]) {
  const now = new Date().toISOString()
  let slotMs = 0
  for (const id of ids) {
    await stores.queries.put(tenantId, { definition: monthlyUsageQuery(id), createdAt: now, updatedAt: now })
    slotMs = await dueNow(database, tenantId, id)
  }
  return slotMs
}

/** Waits until every query's slot has a finished run; returns the slot rows. */
async function slotsFinished(database: WorkerDatabase, stores: WorkerStoreSet, slotMs: number, count: number) {
  return waitFor(
    `${count} finished slots`,
    async () => {
      const rows = await database.db.selectFrom('slots').selectAll().where('slot_ms', '=', slotMs).execute()
      // The run's record is final a moment before its slot's status: wait for both.
      if (rows.length < count || rows.some((r) => r.status === 'queued' || r.status === 'running')) return null
      for (const row of rows) {
        const run = row.run_id ? await stores.runs().get(row.tenant_id, row.run_id) : null
        if (!run || isRunInFlight(run)) return null
      }
      return rows
    },
    60_000,
  )
}

async function stopAll(workers: WorkerProcess[]) {
  for (const worker of workers) worker.child.kill('SIGTERM')
  const codes = await Promise.all(workers.map((worker) => worker.exited))
  expect(codes).toEqual(workers.map(() => 0))
}

function twoWorkers(config: DatabaseConfig, extra: Record<string, string> = {}) {
  const env = workerEnv(config, { SYNC_WORKER_SWEEP_MS: '300', SYNC_WORKER_MAX_RUNS: '3', ...extra })
  return [spawnWorker(['serve'], env), spawnWorker(['serve'], env)]
}

describe.each(dialects)('PostHog limits across worker processes on %s', (kind) => {
  it("never has more of one key's requests at PostHog at once than its concurrency, across two processes", async () => {
    const { config, database, stores } = await twoTenants(kind)
    const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
    const slotMs = await dueQueries(database, stores, TENANT, ids)
    // Slow answers, so the six runs (three per process) want the key at the same time.
    emulator.faults.add({ kind: 'delay', delayMs: 600, count: 1000, route: '/query', key: emulator.keys.full })
    emulator.requests.clear()
    const workers = twoWorkers(config)
    try {
      const rows = await slotsFinished(database, stores, slotMs, ids.length)
      expect(rows.map((r) => r.status).sort()).toEqual(ids.map(() => 'succeeded'))
      // PostHog's default: three at once per key. Reaching it shows the limit was tested, not just unmet.
      expect(emulator.requests.peakConcurrency(emulator.keys.full)).toBe(3)
      expect(emulator.requests.list(emulator.keys.full).filter((r) => r.status === 429)).toEqual([])
      // Both processes ran some of the runs: the limit held across them, not within one.
      for (const worker of workers) expect(worker.output()).toContain('Run finished.')
    } catch (error) {
      throw new Error(`${error}\n--- worker 1:\n${workers[0]?.output()}\n--- worker 2:\n${workers[1]?.output()}`)
    } finally {
      emulator.faults.reset()
      await stopAll(workers)
      await database.close()
    }
  }, 90_000)

  it("pauses only the throttled key for the 429's stated wait; another tenant's key goes on; held runs are delayed, not dropped", async () => {
    const { config, database, stores } = await twoTenants(kind)
    const slotMs = await dueQueries(database, stores, TENANT, ['a1', 'a2'])
    await dueQueries(database, stores, OTHER_TENANT, ['g1', 'g2'])
    const waitSeconds = 4
    // The first acme request is throttled. One request of a key at a time, so the other acme run asks after it.
    emulator.faults.add({ kind: 'throttle', waitSeconds, count: 1, route: '/query', key: emulator.keys.full })
    emulator.faults.add({ kind: 'delay', delayMs: 700, count: 1000, route: '/query', key: emulator.keys.queryOnly })
    emulator.requests.clear()
    const workers = twoWorkers(config, { POSTHOG_CONCURRENCY: '1' })
    try {
      const rows = await slotsFinished(database, stores, slotMs, 4)
      // Delayed, not dropped: every slot's run succeeded.
      expect(rows.map((r) => [r.tenant_id, r.query_id, r.status]).sort()).toEqual([
        [TENANT, 'a1', 'succeeded'],
        [TENANT, 'a2', 'succeeded'],
        [OTHER_TENANT, 'g1', 'succeeded'],
        [OTHER_TENANT, 'g2', 'succeeded'],
      ])
      const acme = emulator.requests.list(emulator.keys.full)
      const throttled = acme.filter((r) => r.status === 429)
      expect(throttled).toHaveLength(1)
      const pauseFrom = throttled[0]?.endMs ?? 0
      const pauseTo = pauseFrom + waitSeconds * 1000
      // No acme request reached PostHog during the pause, from either process. (A request that left before the
      // 429's answer reached its worker cannot be held; with one request of the key at a time there is none.)
      const during = acme.filter((r) => r.startMs > pauseFrom && r.startMs < pauseTo)
      expect(during).toEqual([])
      expect(acme.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2)
      // Globex's key went on meanwhile.
      const globexDuring = emulator.requests
        .list(emulator.keys.queryOnly)
        .filter((r) => r.status === 200 && r.startMs > pauseFrom && r.startMs < pauseTo)
      expect(globexDuring.length).toBeGreaterThan(0)
      // The acme run that asked during the pause waited for it, and its ledger row says so: its delay runs to its
      // first request, after the pause, though the run itself had started before.
      const held = rows.filter((r) => r.tenant_id === TENANT)
      const delays = held.map((r) => r.delay_ms ?? -1)
      expect(Math.max(...delays)).toBeGreaterThanOrEqual(pauseTo - slotMs)
      const waitedStart = held.find((r) => (r.delay_ms ?? 0) >= pauseTo - slotMs)
      const waitedRun = await stores.runs().get(TENANT, waitedStart?.run_id ?? '')
      expect(Date.parse(waitedRun?.startedAt ?? '')).toBeLessThan(pauseTo)
    } catch (error) {
      throw new Error(`${error}\n--- worker 1:\n${workers[0]?.output()}\n--- worker 2:\n${workers[1]?.output()}`)
    } finally {
      emulator.faults.reset()
      await stopAll(workers)
      await database.close()
    }
  }, 90_000)
})
