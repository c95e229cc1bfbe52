import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boundedEditDistance } from './editDistance'

/** Optimal string alignment distance, computed in full: the reference the bounded version must agree with. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

describe('boundedEditDistance', () => {
  it('counts a swap of neighbours as one typo', () => {
    expect(boundedEditDistance('globex', 'glboex', 2)).toBe(1)
    expect(boundedEditDistance('acme', 'acme', 0)).toBe(0)
    expect(boundedEditDistance('acme', 'acne', 1)).toBe(1)
  })

  it('agrees with the full computation up to the limit and answers limit + 1 beyond', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 })
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        const exact = reference(a, b)
        expect(boundedEditDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1)
      }),
    )
  })
})
