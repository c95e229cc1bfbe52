import { describe, expect, it } from 'vitest'
import type { AccountDirectory } from '../resolve/index'
import { createInMemoryDirectory } from '../resolve/index'
import {
  createMemoryRecordSink,
  createStaticQueryClient,
  createSteppingClock,
  customFieldQuery,
  exampleCatalog,
  productUsageQuery,
} from '../testing/index'
import { runTenant } from './runTenant'

const usageSql = 'select org_id, day, metric, value from usage'
const fieldsSql = 'select org_id, field, value from traits'
const brokenSql = 'select nope from usage'

const answers = {
  [usageSql]: {
    columns: ['org_id', 'day', 'metric', 'value'],
    rows: [['org_acme', '2025-06-01T00:00:00Z', 'events', 5]],
  },
  [fieldsSql]: { columns: ['org_id', 'field', 'value'], rows: [['org_acme', 'plan', 'growth']] },
  [brokenSql]: new Error('HogQL: Unable to resolve field: nope'),
}

const usage = productUsageQuery({ id: 'usage', hogql: usageSql })
const fields = customFieldQuery({ id: 'fields', hogql: fieldsSql })
const broken = productUsageQuery({ id: 'broken', hogql: brokenSql })
const builtIn = productUsageQuery({ id: 'builtin_usage', hogql: usageSql })

function countingDirectory(): AccountDirectory & { reads: number } {
  const inner = createInMemoryDirectory([{ id: 'acc_acme', name: 'Acme', orgIds: ['org_acme'] }])
  const directory = {
    reads: 0,
    accounts(options?: { signal?: AbortSignal }) {
      directory.reads++
      return inner.accounts(options)
    },
  }
  return directory
}

function setup() {
  const client = createStaticQueryClient(answers)
  const sink = createMemoryRecordSink()
  const directory = countingDirectory()
  const clock = createSteppingClock('2025-06-02T00:00:00Z', 10)
  return { client, sink, directory, ports: { client, sink, directory, catalog: exampleCatalog, clock } }
}

describe('runTenant', () => {
  it('skips every query of a tenant with activity tracking disabled, without calling PostHog', async () => {
    const { client, directory, ports } = setup()
    const result = await runTenant({ tenantId: 't1', trackingEnabled: false, savedQueries: [usage, fields] }, ports)
    expect(result.reports.map((r) => [r.queryId, r.status, r.skipReason])).toEqual([
      ['usage', 'skipped', 'tracking_disabled'],
      ['fields', 'skipped', 'tracking_disabled'],
    ])
    expect(client.calls).toHaveLength(0)
    expect(directory.reads).toBe(0)
  })

  it('runs saved queries and not the built-ins when the tenant has saved any', async () => {
    const { client, ports } = setup()
    const result = await runTenant(
      { tenantId: 't1', trackingEnabled: true, savedQueries: [fields], builtInQueries: [builtIn] },
      ports,
    )
    expect(result.source).toBe('saved')
    expect(result.reports.map((r) => r.queryId)).toEqual(['fields'])
    expect(client.calls.map((c) => c.hogql)).toEqual([fieldsSql])
  })

  it('counts a disabled saved query as saved: built-ins stay off and the query is skipped', async () => {
    const { client, ports } = setup()
    const result = await runTenant(
      {
        tenantId: 't1',
        trackingEnabled: true,
        savedQueries: [{ ...usage, enabled: false }],
        builtInQueries: [builtIn],
      },
      ports,
    )
    expect(result.source).toBe('saved')
    expect(result.reports.map((r) => [r.queryId, r.status, r.skipReason])).toEqual([
      ['usage', 'skipped', 'query_disabled'],
    ])
    expect(client.calls).toHaveLength(0)
  })

  it('falls back to built-in queries when none are saved', async () => {
    const { sink, ports } = setup()
    const result = await runTenant(
      { tenantId: 't1', trackingEnabled: true, savedQueries: [], builtInQueries: [builtIn] },
      ports,
    )
    expect(result.source).toBe('built_in')
    expect(result.reports.map((r) => [r.queryId, r.status])).toEqual([['builtin_usage', 'succeeded']])
    expect(sink.records('product_usage')).toHaveLength(1)
  })

  it('reports source none and runs nothing without any query', async () => {
    const { client, ports } = setup()
    const result = await runTenant({ tenantId: 't1', trackingEnabled: true, savedQueries: [] }, ports)
    expect(result).toEqual({ tenantId: 't1', source: 'none', reports: [] })
    expect(client.calls).toHaveLength(0)
  })

  it('isolates queries: one failing does not stop the next, and the directory is read once', async () => {
    const { directory, sink, ports } = setup()
    const result = await runTenant(
      { tenantId: 't1', trackingEnabled: true, savedQueries: [broken, usage, fields] },
      ports,
    )
    expect(result.reports.map((r) => [r.queryId, r.status])).toEqual([
      ['broken', 'failed'],
      ['usage', 'succeeded'],
      ['fields', 'succeeded'],
    ])
    expect(result.reports[0]?.error?.message).toContain('Unable to resolve field')
    expect(sink.records('product_usage')).toHaveLength(1)
    expect(sink.records('custom_field')).toHaveLength(1)
    expect(directory.reads).toBe(1)
  })

  it('fails each enabled query with the directory error when the directory cannot be read', async () => {
    const { client, ports } = setup()
    const failing: AccountDirectory = {
      // biome-ignore lint/correctness/useYield: a directory that fails before its first account
      async *accounts() {
        throw new Error('CRM unavailable')
      },
    }
    const result = await runTenant(
      { tenantId: 't1', trackingEnabled: true, savedQueries: [usage, { ...fields, enabled: false }] },
      { ...ports, directory: failing },
    )
    expect(result.reports.map((r) => [r.queryId, r.status, r.error?.code ?? r.skipReason])).toEqual([
      ['usage', 'failed', 'directory_failed'],
      ['fields', 'skipped', 'query_disabled'],
    ])
    expect(client.calls).toHaveLength(0)
  })

  it('passes each query its own window', async () => {
    const { client, ports } = setup()
    const start = new Date('2025-06-01T00:00:00Z')
    const end = new Date('2025-06-02T00:00:00Z')
    await runTenant({ tenantId: 't1', trackingEnabled: true, savedQueries: [usage, fields] }, ports, {
      windowFor: (q) => (q.id === 'usage' ? { start, end } : undefined),
    })
    expect(client.calls.map((c) => c.options.window)).toEqual([{ start, end }, undefined])
  })
})
