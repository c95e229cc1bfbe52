import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeyFingerprints } from './KeyFingerprints'

describe('KeyFingerprints', () => {
  it('returns 0 for new keys and the first row for repeated keys, across growth', () => {
    const keys = new KeyFingerprints(4)
    for (let i = 1; i <= 10_000; i++)
      expect(keys.addIfAbsent(`acc_${i % 100}`, 'events', `t${Math.floor(i / 100)}`, i)).toBe(0)
    expect(keys.size).toBe(10_000)
    expect(keys.addIfAbsent('acc_1', 'events', 't0', 20_000)).toBe(1)
    expect(keys.addIfAbsent('acc_0', 'events', 't100', 20_001)).toBe(10_000)
  })

  it('keeps the parts apart: moving characters between parts makes another key', () => {
    const keys = new KeyFingerprints()
    expect(keys.addIfAbsent('ab', 'c', 'd', 1)).toBe(0)
    expect(keys.addIfAbsent('a', 'bc', 'd', 2)).toBe(0)
    expect(keys.addIfAbsent('a', 'b', 'cd', 3)).toBe(0)
    expect(keys.addIfAbsent('', 'abc', 'd', 4)).toBe(0)
  })

  it('agrees with exact string keys on arbitrary input', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string(), fc.string()), { maxLength: 200 }), (triples) => {
        const keys = new KeyFingerprints(2)
        const exact = new Map<string, number>()
        triples.forEach(([a, b, c], i) => {
          const k = JSON.stringify([a, b, c])
          const expected = exact.get(k) ?? 0
          if (!exact.has(k)) exact.set(k, i + 1)
          expect(keys.addIfAbsent(a, b, c, i + 1)).toBe(expected)
        })
      }),
    )
  })
})
