import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IdTripleIndex } from './IdTripleIndex'

describe('IdTripleIndex', () => {
  it('numbers distinct triples in order of first sight, finds them, and keeps their parts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(5), fc.nat(3000)), { maxLength: 3000 }), (triples) => {
        const index = new IdTripleIndex()
        const model = new Map<string, number>()
        for (const [a, b, c] of triples) {
          const key = `${a},${b},${c}`
          const expected = model.get(key) ?? model.size
          model.set(key, expected)
          expect(index.indexOf(a, b, c)).toBe(expected)
          expect(index.find(a, b, c)).toBe(expected)
          expect([index.partAt(expected, 0), index.partAt(expected, 1), index.partAt(expected, 2)]).toEqual([a, b, c])
        }
        expect(index.size).toBe(model.size)
        expect(index.find(51, 0, 0)).toBe(-1)
        index.release()
        expect(index.size).toBe(0)
        expect(index.find(triples[0]?.[0] ?? 0, triples[0]?.[1] ?? 0, triples[0]?.[2] ?? 0)).toBe(-1)
      }),
      { numRuns: 30 },
    )
  })
})
