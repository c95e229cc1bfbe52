// What PostHog refuses, and what a tenant lacks, fails only that tenant's run, with a reason that says what to do;
// another tenant's run at the same time goes on. And a window PostHog times out on is split and read in parts.
import type { Emulator } from '@statisfy/posthog-emulator'
import { type ApiFinishedRun, isRunInFlight } from '@statisfy/posthog-sdk'
import { keyHint, POSTHOG_KEY_SECRET } from '@statisfy/posthog-sdk/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from './testDatabases'
import { createTestWorker, dailyUsageQuery, perEventQuery, saveQuery, startTestEmulator, TENANT } from './workerHarness'

const OTHER = 'globex'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator?.close())

type TestWorker = Awaited<ReturnType<typeof createTestWorker>>

/** A second tenant connected to the emulator with the given key, its accounts those of the first. */
async function otherTenant(t: TestWorker, key: string | null) {
  await t.stores.tenants.put({ id: OTHER, name: 'Globex', trackingEnabled: true })
  if (key) {
    await t.stores.connections.put(OTHER, {
      apiHost: emulator.url,
      projectId: emulator.projectId,
      keyHint: keyHint(key),
      updatedAt: new Date().toISOString(),
    })
    await t.stores.secrets.put(OTHER, POSTHOG_KEY_SECRET, key)
  }
  const accounts = []
  for await (const item of t.stores.directory(TENANT).accounts())
    accounts.push(...(Array.isArray(item) ? item : [item]))
  await t.stores.accounts.upsertMany(OTHER, accounts)
}

async function finished(t: TestWorker, tenantId: string, runId: string): Promise<ApiFinishedRun> {
  await t.worker.waitForRun(runId)
  const run = await t.stores.runs().get(tenantId, runId)
  if (!run || isRunInFlight(run)) throw new Error(`run ${runId} did not finish`)
  return run
}

describe.each(dialects)('refusals on %s', (kind) => {
  it("fails a revoked key's run with PostHog's reason and what to do; the other tenant's run succeeds meanwhile", async () => {
    const t = await createTestWorker(kind, emulator)
    try {
      await otherTenant(t, emulator.keys.revoked)
      await saveQuery(t.worker, t.stores, dailyUsageQuery())
      await saveQuery(t.worker, t.stores, dailyUsageQuery(), OTHER)
      const [ok, revoked] = await Promise.all([
        t.worker.runNow(TENANT, 'daily-usage'),
        t.worker.runNow(OTHER, 'daily-usage'),
      ])
      const failed = await finished(t, OTHER, revoked)
      expect(failed.status).toBe('failed')
      expect(failed.error?.code).toBe('authentication')
      expect(failed.error?.message).toMatch(/key/i)
      expect(failed.error?.message).toMatch(/new|reconnect|create|settings/i)
      const succeeded = await finished(t, TENANT, ok)
      expect(succeeded.status === 'succeeded' || succeeded.status === 'partial').toBe(true)
      expect(succeeded.counts.written).toBeGreaterThan(0)
      // Nothing of the failed run was written, and its query's watermark did not move.
      const data = await t.stores.data.checksum(OTHER)
      expect(data.counts.product_usage).toBe(0)
      const state = await t.database.db
        .selectFrom('query_state')
        .select('watermark_ms')
        .where('tenant_id', '=', OTHER)
        .executeTakeFirst()
      expect(state?.watermark_ms ?? null).toBeNull()
    } finally {
      await t.close()
    }
  })

  it('fails the run of a tenant with no PostHog connection, saying how to connect, and runs the others', async () => {
    const t = await createTestWorker(kind, emulator)
    try {
      await otherTenant(t, null)
      await saveQuery(t.worker, t.stores, dailyUsageQuery(), OTHER)
      await saveQuery(t.worker, t.stores, dailyUsageQuery())
      const failed = await finished(t, OTHER, await t.worker.runNow(OTHER, 'daily-usage'))
      expect(failed.status).toBe('failed')
      expect(failed.error).toMatchObject({ code: 'connection_not_found' })
      expect(failed.error?.message).toContain(`'${OTHER}'`)
      expect(failed.error?.message).toMatch(/connect PostHog/)
      const other = await finished(t, TENANT, await t.worker.runNow(TENANT, 'daily-usage'))
      expect(other.status === 'succeeded' || other.status === 'partial').toBe(true)
    } finally {
      await t.close()
    }
  })

  it('splits a window PostHog times out on and reads it in parts: the data equals a run that never timed out', async () => {
    const t = await createTestWorker(kind, emulator)
    const reference = await createTestWorker(kind, emulator)
    try {
      await saveQuery(reference.worker, reference.stores, perEventQuery())
      const expectedRun = await finished(reference, TENANT, await reference.worker.runNow(TENANT, 'per-event'))
      await saveQuery(t.worker, t.stores, perEventQuery())
      // PostHog's 504 on the first window, on every attempt the client makes of it (4 by default).
      emulator.faults.add({ kind: 'timeout', count: 4, route: '/query', key: emulator.keys.full })
      const run = await finished(t, TENANT, await t.worker.runNow(TENANT, 'per-event'))
      expect(emulator.faults.list()).toEqual([])
      expect(run.status).toBe(expectedRun.status)
      expect(run.posthog.pages?.some((page) => page.splits > 0)).toBe(true)
      // The same window's rows, each read once: the same data as the run PostHog answered at once.
      const expected = await reference.stores.data.checksum(TENANT)
      const actual = await t.stores.data.checksum(TENANT)
      expect(actual.counts).toEqual(expected.counts)
      expect(run.counts.read).toBe(expectedRun.counts.read)
    } finally {
      emulator.faults.reset()
      await t.close()
      await reference.close()
    }
  })

  it("fails with PostHog's timeout a window that cannot be split further (one day bucket); another tenant's run goes on", async () => {
    const t = await createTestWorker(kind, emulator, {
      tunables: { initialLookbackMs: 3_600_000, maxSpanMs: 3_600_000, sweepEveryMs: 60_000 },
    })
    try {
      await otherTenant(t, emulator.keys.queryOnly)
      // A daily grain: the run's window is today's bucket, which is never split.
      await saveQuery(t.worker, t.stores, dailyUsageQuery({ grain: 'day' }))
      await saveQuery(t.worker, t.stores, dailyUsageQuery(), OTHER)
      emulator.faults.add({ kind: 'timeout', count: 1000, route: '/query', key: emulator.keys.full })
      const [stuck, other] = await Promise.all([
        t.worker.runNow(TENANT, 'daily-usage'),
        t.worker.runNow(OTHER, 'daily-usage'),
      ])
      const failed = await finished(t, TENANT, stuck)
      expect(failed.status).toBe('failed')
      expect(failed.error?.code).toBe('timeout')
      expect(failed.error?.message).toMatch(/Narrow the time range|aggregate/)
      const fine = await finished(t, OTHER, other)
      expect(fine.status === 'succeeded' || fine.status === 'partial').toBe(true)
    } finally {
      emulator.faults.reset()
      await t.close()
    }
  })
})
