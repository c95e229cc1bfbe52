// @vitest-environment node
// Runs each template on the emulator's seeded project as a sync would: the HogQL through the SDK client (paged, with
// the first run's 7-day window), the mapping the kit suggests from the result's columns, then the SDK's dry run over
// every row against the worker's default catalog and the demo's accounts (one per seeded company, as
// scripts/demo.mjs imports them).
import { type Emulator, startEmulator } from '@statisfy/posthog-emulator'
import {
  createInMemoryDirectory,
  createPostHogClient,
  type DirectoryAccount,
  dryRunSample,
} from '@statisfy/posthog-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// The worker's catalog is what the demo's tenant writes into; a relative import, since the worker is an app, not a
// package with exports.
import { defaultCatalog } from '../../sync-worker/src/config/defaultCatalog'
import { templates } from './templates'
import { runTemplate, templateDefinition } from './test/templateDefinition'

let emulator: Emulator
let accounts: DirectoryAccount[]

beforeAll(async () => {
  emulator = await startEmulator({ size: 20_000, endDate: '2026-11-01', seed: 42 })
  const admin = createPostHogClient({
    apiHost: emulator.url,
    projectId: emulator.projectId,
    personalApiKey: emulator.keys.full,
  })
  const { results } = await admin.query<[string, string, string, string]>(
    'select key, properties.name, properties.domain, properties.crm_id from groups where index = 0 limit 1000',
  )
  accounts = results.map(([orgId, name, domain, crmId]) => ({
    id: `acc_${orgId}`,
    name,
    domains: [domain],
    crmIds: [crmId],
    orgIds: [orgId],
  }))
})
afterAll(() => emulator?.close())

describe('templates', () => {
  it('offers one template per query type, with unique ids', () => {
    expect(templates.map((t) => t.type).sort()).toEqual(['custom_field', 'custom_object', 'product_usage'])
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length)
  })

  it.each(templates.map((t) => [t.id, t] as const))(
    '%s runs on the seeded data, maps onto the default catalog as suggested, and resolves its accounts',
    async (_id, template) => {
      const end = new Date('2026-11-01T00:00:00Z')
      const result = await runTemplate(emulator, template, { start: new Date(end.getTime() - 7 * 86_400_000), end })
      expect(result.results.length).toBeGreaterThan(accounts.length / 2)
      const definition = templateDefinition(template, result, defaultCatalog)
      // Every column is used by the suggested mapping (nothing the template selects is left unmapped).
      const mapped = JSON.stringify(definition.mapping)
      for (const column of result.columns) expect(mapped, column).toContain(`"${column}"`)

      const report = await dryRunSample(
        definition,
        { columns: result.columns, types: result.types, rows: result.results },
        { catalog: defaultCatalog, directory: createInMemoryDirectory(accounts) },
      )
      expect(report.error).toBeNull()
      expect(report.resolver?.resolver).toBe(definition.mapping.account.resolver)
      // "Most rows resolve": the resolver matches at least 90% of distinct account values, at most 10% of rows (or
      // cells) are rejected, and records come out (a wide custom-field row gives one record per field).
      expect(report.resolver?.matchRate ?? 0).toBeGreaterThanOrEqual(0.9)
      expect(report.counts.rejected / result.results.length).toBeLessThanOrEqual(0.1)
      expect(report.counts.wouldWrite).toBeGreaterThanOrEqual(result.results.length)
    },
  )

  it('uses three different resolvers, so the demo shows each way of matching', async () => {
    // Checked on the columns each template's HogQL names (the resolvers the suggestion picks are asserted above).
    const aliases = templates.map((t) => [...t.hogql.matchAll(/AS (\w+)/g)].map((m) => m[1]))
    expect(aliases[0]).toContain('org_id')
    expect(aliases[1]).toContain('crm_id')
    expect(aliases[2]).toContain('domain')
  })
})
