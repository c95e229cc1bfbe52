// Saves, cadence changes, enable/disable, deletes and Run now through the HTTP handler reach the embedded (timer)
// scheduler of a composed worker at once: what the settings page does, seen from the scheduler.
import type { Emulator } from '@statisfy/posthog-emulator'
import { type Cadence, isRunInFlight } from '@statisfy/posthog-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkerApp } from '../src/createWorkerApp'
import { createLogger } from '../src/log/createLogger'
import type { ScheduledQuery, SlotScheduler } from '../src/schedule/SlotScheduler'
import { createTestDatabaseConfig } from './testDatabases'
import { dailyUsageQuery, SEALING_KEY, seedTenant, startTestEmulator, TENANT } from './workerHarness'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator?.close())

type Call = { op: 'upsert'; query: ScheduledQuery } | { op: 'remove'; tenantId: string; queryId: string }

/** The scheduler as it is, with every call recorded on the way in. */
function recording(slots: SlotScheduler, calls: Call[]): SlotScheduler {
  return {
    start: (handler) => slots.start(handler),
    upsert: async (query) => {
      calls.push({ op: 'upsert', query })
      await slots.upsert(query)
    },
    remove: async (tenantId, queryId) => {
      calls.push({ op: 'remove', tenantId, queryId })
      await slots.remove(tenantId, queryId)
    },
    close: () => slots.close(),
  }
}

describe('the handler and the timer scheduler', () => {
  it('arms a saved query, re-arms a changed cadence, disarms on disable and delete, and runs now', async () => {
    const calls: Call[] = []
    const app = await createWorkerApp(
      {
        database: await createTestDatabaseConfig('sqlite'),
        queue: null,
        port: 0,
        host: '127.0.0.1',
        sealingKey: SEALING_KEY,
        allowHosts: ['127.0.0.1'],
        allowHttp: true,
        logLevel: 'silent',
        tunables: { initialLookbackMs: 400 * 86_400_000, maxSpanMs: 400 * 86_400_000 },
      },
      { logger: createLogger('silent'), wrapSlots: (slots) => recording(slots, calls) },
    )
    try {
      await seedTenant(app.stores, emulator)
      const token = await app.stores.tenants.issueToken(TENANT)
      await app.worker.start()
      const api = (method: string, path: string, body?: unknown) =>
        app.http.request(`/api/posthog${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
      const armedAs = () =>
        calls.filter(
          (c): c is Extract<Call, { op: 'upsert' }> => c.op === 'upsert' && c.query.queryId.endsWith('daily-usage'),
        )
      const hourly: Cadence = { kind: 'every_minutes', minutes: 60, timeZone: 'UTC' }
      const daily: Cadence = { kind: 'daily', at: '06:30', timeZone: 'Europe/Berlin' }

      calls.length = 0
      expect(
        (await api('PUT', '/queries/daily-usage', { definition: dailyUsageQuery({ cadence: hourly }) })).status,
      ).toBe(200)
      expect(armedAs().at(-1)?.query).toMatchObject({ tenantId: TENANT, cadence: hourly, enabled: true })

      calls.length = 0
      expect(
        (await api('PUT', '/queries/daily-usage', { definition: dailyUsageQuery({ cadence: daily }) })).status,
      ).toBe(200)
      expect(armedAs().map((c) => c.query.cadence)).toEqual([daily])

      calls.length = 0
      expect((await api('PUT', '/queries/daily-usage/enabled', { enabled: false })).status).toBe(200)
      const disabled = calls.filter((c) => (c.op === 'remove' ? c.queryId : c.query.queryId).endsWith('daily-usage'))
      expect(disabled.length).toBeGreaterThan(0)
      expect(disabled.every((c) => c.op === 'remove' || !c.query.enabled)).toBe(true)

      calls.length = 0
      expect((await api('PUT', '/queries/daily-usage/enabled', { enabled: true })).status).toBe(200)
      expect(armedAs().at(-1)?.query).toMatchObject({ cadence: daily, enabled: true })

      // Run now: a run queued and finished by this worker, without waiting for a slot.
      const ran = await api('POST', '/queries/daily-usage/run')
      expect(ran.status).toBe(202)
      const { runId } = (await ran.json()) as { runId: string | null }
      if (!runId) throw new Error('The worker assigns a run id up front.')
      await app.worker.waitForRun(runId)
      const run = await app.stores.runs().get(TENANT, runId)
      expect(run && !isRunInFlight(run) && run.trigger).toBe('manual')
      expect(run?.status === 'succeeded' || run?.status === 'partial').toBe(true)

      calls.length = 0
      expect((await api('DELETE', '/queries/daily-usage')).status).toBe(204)
      const deleted = calls.filter((c) => (c.op === 'remove' ? c.queryId : c.query.queryId).endsWith('daily-usage'))
      expect(deleted.length).toBeGreaterThan(0)
      expect(deleted.every((c) => c.op === 'remove' || !c.query.enabled)).toBe(true)
    } finally {
      await app.close()
    }
  }, 60_000)
})
