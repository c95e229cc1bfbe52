import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UsageColumnBuffer } from '../sync/UsageColumnBuffer'
import { UsageRecordStore } from './UsageRecordStore'

const record = fc.record({
  accountId: fc.constantFrom('acc_1', 'acc_2', 'acc_10'),
  metric: fc.constantFrom('pageview', 'export'),
  // Few repeating instants, or microsecond ones that hardly repeat, in both of the engine's forms.
  timestamp: fc.oneof(
    fc.constantFrom('2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z', '2025-01-02T10:00:00Z'),
    fc.integer({ min: 0, max: 10 ** 9 }).map((n) => `2025-01-0${1 + (n % 3)}T00:00:00.${String(n).padStart(9, '0')}Z`),
    fc.constant('+033658-09-27T01:46:40.000Z'),
  ),
  value: fc.integer(),
})

function batchOf(records: readonly { accountId: string; metric: string; timestamp: string; value: number }[]) {
  const dictionary = { accountRef: [] as string[], accountId: [] as string[], metric: [] as string[] }
  const code = (values: string[], value: string) =>
    values.includes(value) ? values.indexOf(value) : values.push(value) - 1
  const batch = new UsageColumnBuffer('q', Math.max(1, records.length), dictionary)
  records.forEach((r, i) => {
    const ref = code(dictionary.accountRef, `ref_${r.accountId}`)
    const account = code(dictionary.accountId, r.accountId)
    const added = batch.add(i + 1, ref, account, code(dictionary.metric, r.metric), r.timestamp, r.value)
    batch.epochMs[added] = Date.parse(r.timestamp)
  })
  batch.decode()
  return batch
}

describe('UsageRecordStore', () => {
  it('upserts on (accountId, metric, timestamp) and orders by it, whichever key index the first write chose', () => {
    fc.assert(
      fc.property(fc.array(fc.array(record, { minLength: 1, maxLength: 40 }), { maxLength: 5 }), (batches) => {
        const store = new UsageRecordStore()
        const model = new Map<string, { accountId: string; metric: string; timestamp: string; value: number }>()
        for (const records of batches) {
          store.putColumns(batchOf(records))
          for (const r of records) model.set(JSON.stringify([r.accountId, r.metric, r.timestamp]), r)
        }
        const expected = [...model.values()].sort((a, b) =>
          a.accountId !== b.accountId
            ? a.accountId < b.accountId
              ? -1
              : 1
            : a.metric !== b.metric
              ? a.metric < b.metric
                ? -1
                : 1
              : a.timestamp === b.timestamp
                ? 0
                : a.timestamp < b.timestamp
                  ? -1
                  : 1,
        )
        expect(store.size).toBe(model.size)
        expect(
          store.values().map(({ accountId, metric, timestamp, value }) => ({ accountId, metric, timestamp, value })),
        ).toEqual(expected)
      }),
    )
  })

  it('keeps per-event writes exact: a later write of the same microsecond replaces the value', () => {
    const store = new UsageRecordStore()
    const at = (i: number) => `2025-06-01T00:00:00.${String(i).padStart(6, '0')}Z`
    const first = Array.from({ length: 100 }, (_, i) => ({
      accountId: 'acc_1',
      metric: 'm',
      timestamp: at(i),
      value: i,
    }))
    store.putColumns(batchOf(first))
    store.putColumns(batchOf([{ accountId: 'acc_1', metric: 'm', timestamp: at(7), value: -1 }]))
    expect(store.size).toBe(100)
    expect(store.values()[7]).toMatchObject({ timestamp: at(7), value: -1, row: 1 })
  })
})
