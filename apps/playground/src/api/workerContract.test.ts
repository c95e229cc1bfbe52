// @vitest-environment node
// The playground's client against the real worker: each template saved as the kit would save it, run by the sync
// worker (SQLite) against the emulator, and everything the Accounts page shows read back through
// createImportedDataClient from the worker's own routes, so the client's schemas and the worker's answers cannot drift
// apart. The worker's test harness and routes are imported by path: the worker is an app, not a package.
import type { Emulator } from '@statisfy/posthog-emulator'
import { isRunInFlight } from '@statisfy/posthog-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../../sync-worker/src/config/defaultCatalog'
import { bearerTokenAuthorize, createWorkerServer } from '../../../sync-worker/src/server/createWorkerServer'
import { importedDataRoutes } from '../../../sync-worker/src/server/importedDataRoutes'
import { createTestWorker, saveQuery, startTestEmulator, TENANT } from '../../../sync-worker/test/workerHarness'
import { templates } from '../templates'
import { runTemplate, templateDefinition } from '../test/templateDefinition'
import { createImportedDataClient, type ImportedDataClient } from './createImportedDataClient'

let emulator: Emulator
let t: Awaited<ReturnType<typeof createTestWorker>>
let client: ImportedDataClient
const runIds: Record<string, string> = {}

beforeAll(async () => {
  emulator = await startTestEmulator()
  t = await createTestWorker('sqlite', emulator)
  const end = new Date('2026-11-01T00:00:00Z')
  for (const template of templates) {
    // The columns the person previews, then the mapping the kit suggests from them: what Save sends.
    const sample = await runTemplate(emulator, template, { start: new Date(end.getTime() - 86_400_000), end })
    const definition = templateDefinition(template, sample, defaultCatalog)
    await saveQuery(t.worker, t.stores, definition)
    runIds[template.type] = await t.worker.runNow(TENANT, definition.id)
    await t.worker.waitForRun(runIds[template.type] as string)
  }
  const token = await t.stores.tenants.issueToken(TENANT)
  const http = createWorkerServer({
    handler: async () => new Response(null, { status: 404 }),
    ready: async () => {},
    authorize: bearerTokenAuthorize((value) => t.stores.tenants.findByToken(value)),
    routes: importedDataRoutes(t.stores.data),
  })
  // What the dev server's proxy does: the same path, the token added on the way.
  client = createImportedDataClient({
    fetch: async (url) => http.request(String(url), { headers: { authorization: `Bearer ${token}` } }),
  })
}, 240_000)
afterAll(async () => {
  await t?.close()
  await emulator?.close()
})

describe('the imported-data client on the real worker', () => {
  it('runs every template to a finished run that wrote rows', async () => {
    for (const template of templates) {
      const run = await t.stores.runs().get(TENANT, runIds[template.type] as string)
      if (!run || isRunInFlight(run)) throw new Error(`${template.id} did not finish`)
      expect(run.status, template.id).toBe('succeeded')
      expect(run.counts.written, template.id).toBeGreaterThan(0)
    }
  })

  it('reads the totals and every account with the counts the tables hold', async () => {
    const totals = await client.summary()
    const data = await t.stores.data.checksum(TENANT)
    expect(totals).toMatchObject({
      usage: data.counts.product_usage,
      fields: data.counts.custom_field_values,
      objects: data.counts.custom_object_records,
    })
    expect(totals.accountsWithData).toBeGreaterThan(totals.accounts * 0.9)
    const accounts = []
    let cursor: string | undefined
    do {
      const page = await client.accounts({ limit: 10, ...(cursor ? { cursor } : {}) })
      accounts.push(...page.accounts)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(accounts).toHaveLength(totals.accounts)
    expect(accounts.reduce((sum, a) => sum + a.counts.usage, 0)).toBe(totals.usage)
    expect(accounts.reduce((sum, a) => sum + a.counts.objects, 0)).toBe(totals.objects)
  })

  it('reads one account as its page shows it: metrics, usage with its run, fields and objects in the catalog', async () => {
    const { accounts } = await client.accounts({ limit: 200 })
    const busiest = [...accounts].sort((a, b) => b.counts.usage - a.counts.usage)[0]
    if (!busiest) throw new Error('no accounts')
    const account = await client.account(busiest.id)
    // Only the template's four events, most of them for the busiest account.
    for (const m of account.metrics)
      expect(['$pageview', 'feature_used', 'invite_sent', 'report_exported']).toContain(m.metric)
    expect(account.metrics.length).toBeGreaterThanOrEqual(3)
    expect(account.metrics.reduce((sum, m) => sum + m.points, 0)).toBe(busiest.counts.usage)

    const usage = await client.allUsage(busiest.id)
    expect(usage.usage).toHaveLength(busiest.counts.usage)
    expect(usage.runs[runIds.product_usage as string]).toMatchObject({ status: 'succeeded', type: 'product_usage' })

    const fields = await client.fields(busiest.id)
    expect(fields.fields.map((f) => f.field).sort()).toEqual(['employees', 'plan', 'segment'])
    const plan = fields.fields.find((f) => f.field === 'plan')?.value
    expect(['free', 'starter', 'growth', 'enterprise']).toContain(plan)
    expect(typeof fields.fields.find((f) => f.field === 'employees')?.value).toBe('number')
    expect(fields.runs[runIds.custom_field as string]?.queryName).toBe(templates[1]?.name)

    const objects = await client.objects(busiest.id)
    expect(objects.objects.length).toBe(busiest.counts.objects)
    for (const record of objects.objects) {
      expect(record.objectType).toBe('feature_adoption')
      expect(Object.keys(record.attributes).sort()).toEqual(['feature', 'first_used', 'users'])
      expect(record.runId).toBe(runIds.custom_object)
    }
  })
})
