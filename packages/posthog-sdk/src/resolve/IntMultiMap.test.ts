import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IntMultiMap } from './IntMultiMap'

describe('IntMultiMap', () => {
  it('returns every value added under a key, through growth and rehashing, like a Map of arrays', () => {
    const pair = fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 1000 }))
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 3000 }), fc.integer({ min: 1, max: 4096 }), (pairs, expected) => {
        const map = new IntMultiMap(expected)
        const reference = new Map<number, number[]>()
        for (const [key, value] of pairs) {
          map.add(key, value)
          reference.set(key, [...(reference.get(key) ?? []), value])
        }
        for (const [key, values] of reference) {
          const found: number[] = []
          map.forEach(key, (value) => found.push(value))
          expect(found.sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b))
        }
        const absent: number[] = []
        map.forEach(2 ** 31 - 1, (value) => absent.push(value))
        expect(absent).toEqual(reference.get(2 ** 31 - 1) ?? [])
      }),
      { numRuns: 50 },
    )
  })
})
