import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TextKeySet } from './TextKeySet'

describe('TextKeySet', () => {
  it('returns 0 for new keys and the first row for repeated keys, across growth', () => {
    const keys = new TextKeySet(4)
    const at = (i: number) => `2025-06-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(6, '0')}Z`
    for (let i = 1; i <= 5_000; i++) expect(keys.addIfAbsent(i % 7, 0, at(i), i)).toBe(0)
    expect(keys.size).toBe(5_000)
    expect(keys.addIfAbsent(1, 0, at(1), 9_000)).toBe(1)
    expect(keys.addIfAbsent(2, 0, at(1), 9_001)).toBe(0)
    expect(keys.addIfAbsent(1, 1, at(1), 9_002)).toBe(0)
  })

  it('agrees with exact keys on arbitrary input (hash matches are confirmed on the text)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.string({ maxLength: 3 })),
          {
            maxLength: 300,
          },
        ),
        (triples) => {
          const keys = new TextKeySet(2)
          const exact = new Map<string, number>()
          triples.forEach(([a, b, text], i) => {
            const k = JSON.stringify([a, b, text])
            const expected = exact.get(k) ?? 0
            if (!exact.has(k)) exact.set(k, i + 1)
            expect(keys.addIfAbsent(a, b, text, i + 1)).toBe(expected)
          })
          expect(keys.size).toBe(exact.size)
        },
      ),
    )
  })
})
