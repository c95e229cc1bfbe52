import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NaturalKeyMap } from './NaturalKeyMap'
import { naturalKey } from './naturalKey'

const usage = (accountId: string, metric: string, timestamp: string, value: number) => ({
  row: 1,
  accountRef: accountId,
  accountId,
  metric,
  timestamp,
  value,
})

describe('NaturalKeyMap', () => {
  it('upserts on (accountId, metric, timestamp) and lists values ordered by key', () => {
    const map = new NaturalKeyMap<'product_usage', number>('product_usage')
    map.set(usage('b', 'm', 't1', 1), 1)
    map.set(usage('a', 'm', 't2', 2), 2)
    map.set(usage('a', 'm', 't1', 3), 3)
    map.set(usage('b', 'm', 't1', 4), 4)
    expect(map.size).toBe(3)
    expect(map.values()).toEqual([3, 2, 4])
    expect(map.get(usage('b', 'm', 't1', 0))).toBe(4)
    expect(map.get(usage('b', 'other', 't1', 0))).toBeUndefined()
    expect(map.get(usage('c', 'm', 't1', 0))).toBeUndefined()
    map.clear()
    expect(map.size).toBe(0)
    expect(map.get(usage('b', 'm', 't1', 0))).toBeUndefined()
  })

  it('keys custom fields by (accountId, field) and objects by (objectType, key)', () => {
    const fields = new NaturalKeyMap<'custom_field', string>('custom_field')
    const field = (accountId: string, name: string) => ({
      row: 1,
      accountRef: accountId,
      accountId,
      field: name,
      value: 1,
    })
    fields.set(field('a', 'plan'), 'x')
    fields.set(field('a', 'plan'), 'y')
    fields.set(field('a', 'seats'), 'z')
    expect(fields.values()).toEqual(['y', 'z'])
    expect(fields.get(field('a', 'plan'))).toBe('y')
    expect(fields.get(field('b', 'plan'))).toBeUndefined()
    const objects = new NaturalKeyMap<'custom_object', string>('custom_object')
    const object = (accountId: string, key: string) => ({
      row: 1,
      accountRef: accountId,
      accountId,
      objectType: 'feature',
      key,
      attributes: {},
    })
    objects.set(object('a', 'k1'), 'first')
    objects.set(object('b', 'k1'), 'second')
    expect(objects.values()).toEqual(['second'])
    expect(objects.get(object('c', 'k1'))).toBe('second')
    expect(objects.get(object('a', 'k2'))).toBeUndefined()
  })

  it('agrees with a map of joined natural keys on arbitrary upserts', () => {
    const part = fc.constantFrom('a', 'b', 'ab', '', 'c')
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part, part), { maxLength: 200 }), (keys) => {
        const map = new NaturalKeyMap<'product_usage', number>('product_usage')
        const exact = new Map<string, number>()
        keys.forEach(([a, m, t], i) => {
          const record = usage(a, m, t, i)
          map.set(record, i)
          exact.set(naturalKey.product_usage(record), i)
        })
        expect(map.size).toBe(exact.size)
        const sorted = [...exact].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, v]) => v)
        expect(map.values()).toEqual(sorted)
      }),
    )
  })
})
