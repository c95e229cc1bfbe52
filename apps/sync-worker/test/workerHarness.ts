// A worker on a fresh database, a tenant connected to a shared emulator, the emulator's companies as the tenant's
// accounts, and helpers to save queries and wait for runs. What the worker's tests and benches start from.
import { type Emulator, startEmulator } from '@statisfy/posthog-emulator'
import { createPostHogClient, type QueryDefinition } from '@statisfy/posthog-sdk'
import { keyHint, POSTHOG_KEY_SECRET } from '@statisfy/posthog-sdk/server'
import { defaultCatalog } from '../src/config/defaultCatalog'
import type { WorkerDatabase } from '../src/db/openDatabase'
import { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from '../src/runner/createSyncWorker'
import { createTimerSlotScheduler } from '../src/schedule/createTimerSlotScheduler'
import { createWorkerStores, type WorkerStoreSet } from '../src/store/createWorkerStores'
import { createTestDatabase } from './testDatabases'

export const TENANT = 'acme'
export const SEALING_KEY = new Uint8Array(32).fill(7)

/** Starts an emulator with a fixed dataset (the same rows on every run). */
export function startTestEmulator(size = 20_000): Promise<Emulator> {
  return startEmulator({ size, endDate: '2026-11-01', seed: 42 })
}

/** The emulator's companies as directory accounts, keyed by org id like the demo. */
export async function emulatorAccounts(emulator: Emulator) {
  const admin = createPostHogClient({
    apiHost: emulator.url,
    projectId: emulator.projectId,
    personalApiKey: emulator.keys.full,
  })
  const { results } = await admin.query<[string, string, string, string]>(
    'select key, properties.name, properties.domain, properties.crm_id from groups where index = 0 limit 1000',
  )
  return results.map(([orgId, name, domain, crmId]) => ({
    id: `acc_${orgId}`,
    name,
    domains: [domain],
    crmIds: [crmId],
    orgIds: [orgId],
  }))
}

/** Seeds the tenant (connection, sealed key, accounts) into a database. */
export async function seedTenant(stores: WorkerStoreSet, emulator: Emulator, tenantId = TENANT) {
  await stores.tenants.put({ id: tenantId, name: 'Acme', trackingEnabled: true })
  await stores.connections.put(tenantId, {
    apiHost: emulator.url,
    projectId: emulator.projectId,
    keyHint: keyHint(emulator.keys.full),
    updatedAt: new Date().toISOString(),
  })
  await stores.secrets.put(tenantId, POSTHOG_KEY_SECRET, emulator.keys.full)
  await stores.accounts.upsertMany(tenantId, await emulatorAccounts(emulator))
}

/** Saves a query and tells the worker, as the handler does. */
export async function saveQuery(
  worker: SyncWorker,
  stores: WorkerStoreSet,
  definition: QueryDefinition,
  tenantId = TENANT,
) {
  const now = new Date().toISOString()
  await stores.queries.put(tenantId, { definition, createdAt: now, updatedAt: now })
  await worker.scheduler.notify({ type: 'query_saved', tenantId, definition })
}

/** Daily events per organisation, windowed: the demo's product-usage query. */
export function dailyUsageQuery(overrides: Partial<QueryDefinition> = {}): QueryDefinition {
  return {
    version: 1,
    id: 'daily-usage',
    name: 'Daily events per organisation',
    type: 'product_usage',
    hogql: `select $group_0 as org_id, toStartOfDay(timestamp) as day, event as metric, count() as value
from events where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''
group by org_id, day, metric`,
    mapping: {
      account: { resolver: 'org_id', column: 'org_id' },
      timestampColumn: 'day',
      valueColumn: 'value',
      metric: { column: 'metric' },
    },
    cadence: { kind: 'every_minutes', minutes: 60, timeZone: 'UTC' },
    enabled: true,
    ...overrides,
  } as QueryDefinition
}

/** Every event as one usage row: many rows, several PostHog pages for a wide window. */
export function perEventQuery(overrides: Partial<QueryDefinition> = {}): QueryDefinition {
  return dailyUsageQuery({
    id: 'per-event',
    name: 'Every event',
    hogql: `select $group_0 as org_id, timestamp as ts, event as metric, 1 as value
from events where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''`,
    mapping: {
      account: { resolver: 'org_id', column: 'org_id' },
      timestampColumn: 'ts',
      valueColumn: 'value',
      metric: { column: 'metric' },
    },
    ...overrides,
  } as Partial<QueryDefinition>)
}

/** A worker over a fresh database of the kind, seeded for the tenant. */
export async function createTestWorker(
  kind: 'sqlite' | 'postgres',
  emulator: Emulator,
  options: Partial<SyncWorkerOptions> = {},
): Promise<{ database: WorkerDatabase; stores: WorkerStoreSet; worker: SyncWorker; close(): Promise<void> }> {
  const database = await createTestDatabase(kind)
  const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
  await seedTenant(stores, emulator)
  const worker = createSyncWorker({
    database,
    stores,
    slots: createTimerSlotScheduler(),
    hostGuard: { allowHttp: true, allowHosts: ['127.0.0.1'] },
    tunables: { initialLookbackMs: 400 * 86_400_000, maxSpanMs: 400 * 86_400_000, sweepEveryMs: 60_000 },
    ...options,
  })
  return {
    database,
    stores,
    worker,
    async close() {
      await worker.stop()
      await database.close()
    },
  }
}
