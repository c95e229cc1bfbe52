import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { Database } from '../db/Database'
import type { WorkerDatabase } from '../db/openDatabase'
import { createImportedDataReader } from './createImportedDataReader'

const usage = [
  ['acc_1', 'logins', '2026-06-01T00:00:00.000000Z', 3],
  ['acc_1', 'logins', '2026-06-02T00:00:00.000000Z', 4.25],
  ['acc_1', 'exports', '2026-06-01T00:00:00.000000Z', 1],
  ['acc_2', 'logins', '2026-06-01T12:00:00.123456Z', 7],
] as const

async function seed(db: Kysely<Database>, runId: string, order: 'forward' | 'reverse' = 'forward') {
  const by = { query_id: 'q_usage', run_id: runId }
  const usageRows = usage.map(([account_id, metric, ts, value]) => ({
    tenant_id: 'acme',
    account_id,
    metric,
    ts,
    ts_ms: Date.parse(ts),
    value,
    ...by,
  }))
  const fieldRows = [
    { tenant_id: 'acme', account_id: 'acc_1', field: 'plan', value: '"pro"', query_id: 'q_fields', run_id: runId },
    { tenant_id: 'acme', account_id: 'acc_2', field: 'plan', value: 'null', query_id: 'q_fields', run_id: runId },
    { tenant_id: 'acme', account_id: 'acc_1', field: 'seats', value: '12', query_id: 'q_fields', run_id: runId },
  ]
  const objectRows = [
    { object_type: 'feature', key: 'f_2', account_id: 'acc_2', attributes: '{"users":2}' },
    { object_type: 'feature', key: 'f_1', account_id: 'acc_1', attributes: '{"users":5,"name":"Export"}' },
  ].map((row) => ({ tenant_id: 'acme', ...row, query_id: 'q_objects', run_id: runId }))
  const flip = <T>(rows: T[]) => (order === 'reverse' ? [...rows].reverse() : rows)
  await db.insertInto('product_usage').values(flip(usageRows)).execute()
  await db.insertInto('custom_field_values').values(flip(fieldRows)).execute()
  await db.insertInto('custom_object_records').values(flip(objectRows)).execute()
  // Another tenant's rows never show in acme's reads or checksum.
  await db
    .insertInto('product_usage')
    .values({ ...usageRows[0], tenant_id: 'globex' } as (typeof usageRows)[number])
    .execute()
}

describe.each(dialects)('createImportedDataReader on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('reads usage with its filters, custom fields and custom objects, each with the query and run that wrote it', async () => {
    await seed(database.db, 'run_1')
    const reader = createImportedDataReader(database.db)
    const all = await reader.usage('acme')
    expect(all.map((r) => [r.accountId, r.metric, r.timestamp, r.value])).toEqual([
      ['acc_1', 'exports', '2026-06-01T00:00:00.000000Z', 1],
      ['acc_1', 'logins', '2026-06-01T00:00:00.000000Z', 3],
      ['acc_1', 'logins', '2026-06-02T00:00:00.000000Z', 4.25],
      ['acc_2', 'logins', '2026-06-01T12:00:00.123456Z', 7],
    ])
    expect(all[3]).toMatchObject({
      timestampMs: Date.parse('2026-06-01T12:00:00.123Z'),
      queryId: 'q_usage',
      runId: 'run_1',
    })
    expect((await reader.usage('acme', { accountId: 'acc_1', metric: 'logins' })).map((r) => r.value)).toEqual([
      3, 4.25,
    ])
    const window = { from: new Date('2026-06-01T00:00:00Z'), to: '2026-06-02T00:00:00Z' }
    expect((await reader.usage('acme', { metric: 'logins', ...window })).map((r) => r.accountId)).toEqual([
      'acc_1',
      'acc_2',
    ])
    await expect(reader.usage('acme', { from: 'soon' })).rejects.toThrow(/from 'soon' is not a date-time/)

    expect(await reader.customFields('acme', 'acc_1')).toEqual([
      { accountId: 'acc_1', field: 'plan', value: 'pro', queryId: 'q_fields', runId: 'run_1' },
      { accountId: 'acc_1', field: 'seats', value: 12, queryId: 'q_fields', runId: 'run_1' },
    ])
    expect((await reader.customFields('acme')).map((r) => r.value)).toEqual(['pro', 12, null])
    expect(await reader.customObjects('acme', { accountId: 'acc_1' })).toEqual([
      {
        objectType: 'feature',
        key: 'f_1',
        accountId: 'acc_1',
        attributes: { users: 5, name: 'Export' },
        queryId: 'q_objects',
        runId: 'run_1',
      },
    ])
    expect((await reader.customObjects('acme', { objectType: 'feature' })).map((r) => r.key)).toEqual(['f_1', 'f_2'])
    expect(await reader.customObjects('acme', { objectType: 'none' })).toEqual([])
  })

  it('checksums the same data alike whichever run wrote it and in whatever order, and counts rows per table', async () => {
    const reader = createImportedDataReader(database.db)
    const empty = await reader.checksum('acme')
    expect(empty.counts).toEqual({ product_usage: 0, custom_field_values: 0, custom_object_records: 0 })
    await seed(database.db, 'run_1')
    const first = await reader.checksum('acme')
    expect(first.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(first.digest).not.toBe(empty.digest)
    expect(first.counts).toEqual({ product_usage: 4, custom_field_values: 3, custom_object_records: 2 })

    // The same rows written by another run, inserted in reverse: the same digest.
    for (const table of ['product_usage', 'custom_field_values', 'custom_object_records'] as const) {
      await database.db.deleteFrom(table).execute()
    }
    await seed(database.db, 'run_2', 'reverse')
    expect(await reader.checksum('acme')).toEqual(first)

    // Any value changing changes it.
    await database.db.updateTable('product_usage').set({ value: 4.5 }).where('value', '=', 4.25).execute()
    expect((await reader.checksum('acme')).digest).not.toBe(first.digest)
  })
})

describe.runIf(dialects.length === 2)('createImportedDataReader across dialects', () => {
  it('gives the same checksum on SQLite and PostgreSQL for the same data', async () => {
    const digests: string[] = []
    for (const kind of dialects) {
      const database = await createTestDatabase(kind)
      try {
        await seed(database.db, `run_${kind}`)
        digests.push((await createImportedDataReader(database.db).checksum('acme')).digest)
      } finally {
        await database.close()
      }
    }
    expect(digests[0]).toBe(digests[1])
  })
})
