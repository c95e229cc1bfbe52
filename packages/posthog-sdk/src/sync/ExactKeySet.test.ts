import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ExactKeySet } from './ExactKeySet'

describe('ExactKeySet', () => {
  it('returns 0 for new keys and the first row for repeated keys, across growth', () => {
    const keys = new ExactKeySet(4)
    for (let i = 1; i <= 10_000; i++) expect(keys.addIfAbsent(i % 100, 7, Math.floor(i / 100), i)).toBe(0)
    expect(keys.size).toBe(10_000)
    expect(keys.addIfAbsent(1, 7, 0, 20_000)).toBe(1)
    expect(keys.addIfAbsent(0, 7, 100, 20_001)).toBe(10_000)
    expect(keys.size).toBe(10_000)
  })

  it('keeps the parts apart: the same ids in other positions make other keys', () => {
    const keys = new ExactKeySet()
    expect(keys.addIfAbsent(1, 2, 3, 1)).toBe(0)
    expect(keys.addIfAbsent(3, 2, 1, 2)).toBe(0)
    expect(keys.addIfAbsent(2, 1, 3, 3)).toBe(0)
    expect(keys.addIfAbsent(1, 2, 3, 4)).toBe(1)
  })

  it('agrees with exact keys on arbitrary input (no collisions, whatever the ids)', () => {
    const id = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
    fc.assert(
      fc.property(fc.array(fc.tuple(id, id, id), { maxLength: 300 }), (triples) => {
        const keys = new ExactKeySet(2)
        const exact = new Map<string, number>()
        triples.forEach(([a, b, c], i) => {
          const k = `${a},${b},${c}`
          const expected = exact.get(k) ?? 0
          if (!exact.has(k)) exact.set(k, i + 1)
          expect(keys.addIfAbsent(a, b, c, i + 1)).toBe(expected)
        })
        expect(keys.size).toBe(exact.size)
      }),
    )
  })
})
