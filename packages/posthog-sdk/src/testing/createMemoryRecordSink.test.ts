import { describe, expect, it } from 'vitest'
import { createMemoryRecordSink } from './createMemoryRecordSink'

const usage = (accountId: string, timestamp: string, value: number, row = 1) => ({
  row,
  accountRef: accountId,
  accountId,
  metric: 'events',
  timestamp,
  value,
})

describe('createMemoryRecordSink', () => {
  it('upserts on the natural key: the same key twice keeps one record, the last written', async () => {
    const sink = createMemoryRecordSink()
    await sink.write({ queryId: 'q', type: 'product_usage', records: [usage('a', 't1', 1), usage('a', 't2', 2)] }, {})
    await sink.write({ queryId: 'q', type: 'product_usage', records: [usage('a', 't1', 5)] }, {})
    expect(sink.records('product_usage').map((r) => [r.timestamp, r.value])).toEqual([
      ['t1', 5],
      ['t2', 2],
    ])
    expect(sink.received).toBe(3)
    expect(sink.writes).toBe(2)
    expect(Object.keys(sink.snapshot().product_usage)).toHaveLength(2)
  })

  it('upserts column batches on the same key as records, and keeps them after the engine reuses the arrays', async () => {
    const sink = createMemoryRecordSink()
    await sink.write({ queryId: 'q', type: 'product_usage', records: [usage('a', 't1', 1, 1)] }, {})
    const columns = {
      queryId: 'q',
      type: 'product_usage' as const,
      length: 2,
      row: Uint32Array.of(2, 3, 99),
      accountRef: ['a', 'b', 'stale'],
      accountId: ['a', 'b', 'stale'],
      metric: ['events', 'events', 'stale'],
      timestamp: ['t1', 't1', 'stale'],
      epochMs: Float64Array.of(1, 1, 99),
      value: Float64Array.of(5, 6, 99),
      codes: {
        accountRef: Uint32Array.of(0, 1, 2),
        accountId: Uint32Array.of(0, 1, 2),
        metric: Uint32Array.of(0, 0, 1),
      },
      dictionary: { accountRef: ['a', 'b', 'stale'], accountId: ['a', 'b', 'stale'], metric: ['events', 'stale'] },
    }
    await sink.writeColumns?.(columns, {})
    // The engine overwrites its columns with the next batch once the write has settled.
    columns.accountId.fill('overwritten')
    columns.value.fill(-1)
    expect(sink.records('product_usage')).toEqual([
      { row: 2, accountRef: 'a', accountId: 'a', metric: 'events', timestamp: 't1', value: 5 },
      { row: 3, accountRef: 'b', accountId: 'b', metric: 'events', timestamp: 't1', value: 6 },
    ])
    expect(sink.received).toBe(3)
    expect(sink.writes).toBe(2)
  })

  it('offers the columnar path unless asked not to', () => {
    expect(createMemoryRecordSink().writeColumns).toBeTypeOf('function')
    expect(createMemoryRecordSink({ columns: false }).writeColumns).toBeUndefined()
  })

  it('keys custom objects by (objectType, key), whatever the account', async () => {
    const sink = createMemoryRecordSink()
    const object = (accountId: string) => ({
      row: 1,
      accountRef: accountId,
      accountId,
      objectType: 'feature_adoption',
      key: 'k1',
      attributes: { feature: 'export' },
    })
    await sink.write({ queryId: 'q', type: 'custom_object', records: [object('a'), object('b')] }, {})
    expect(sink.records('custom_object').map((r) => r.accountId)).toEqual(['b'])
  })

  it('fails the write after the configured number of writes', async () => {
    const sink = createMemoryRecordSink({ failAfterWrites: 1, error: new Error('disk full') })
    await sink.write({ queryId: 'q', type: 'custom_field', records: [] }, {})
    await expect(sink.write({ queryId: 'q', type: 'custom_field', records: [] }, {})).rejects.toThrow('disk full')
  })
})
