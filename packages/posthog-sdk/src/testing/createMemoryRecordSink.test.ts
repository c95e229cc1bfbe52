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
