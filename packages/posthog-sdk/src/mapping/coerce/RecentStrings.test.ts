import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RecentStrings, sampledHash, WIDE_SLOTS } from './RecentStrings'

/** A cache lookup as CoercionCache does it: the front table, then the authoritative map. */
function lookup(recent: RecentStrings, map: Map<string, number>, text: string): number {
  const hit = recent.get(text)
  if (hit !== undefined) return hit
  let id = map.get(text)
  if (id === undefined) {
    id = map.size
    map.set(text, id)
  }
  recent.set(text, id)
  return id
}

describe('RecentStrings', () => {
  it('starts small and widens, empty, on demand', () => {
    const recent = new RecentStrings()
    expect(recent.slots).toBe(1024)
    recent.get('a')
    recent.set('a', 1)
    recent.widen()
    expect(recent.slots).toBe(WIDE_SLOTS)
    expect(recent.get('a')).toBeUndefined()
  })

  it('answers only what was stored for an equal string, including the empty string', () => {
    const recent = new RecentStrings()
    expect(recent.get('')).toBeUndefined()
    recent.set('', 7)
    expect(recent.get('')).toBe(7)
    expect(recent.get('x')).toBeUndefined()
  })

  it('gives the same ids as a Map for any sequence, including strings that differ only where the hash does not look', () => {
    // 40-character strings that differ only in characters 9-11, which the sampled hash skips: every one shares a slot.
    const collide = fc
      .integer({ min: 0, max: 999 })
      .map((i) => `${'a'.repeat(9)}${String(i).padStart(3, '0')}${'b'.repeat(28)}`)
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 40 }), collide, fc.uuid()), { maxLength: 300 }),
        fc.nat(300),
        (texts, widenAt) => {
          const recent = new RecentStrings()
          const viaCache = new Map<string, number>()
          const plain = new Map<string, number>()
          for (const [i, text] of texts.entries()) {
            // Widening empties the table at any point: answers stay those of the Map.
            if (i === widenAt) recent.widen()
            // A fresh copy each time, as JSON.parse gives.
            const fresh = JSON.parse(JSON.stringify(text)) as string
            let expected = plain.get(text)
            if (expected === undefined) {
              expected = plain.size
              plain.set(text, expected)
            }
            expect(lookup(recent, viaCache, fresh)).toBe(expected)
          }
        },
      ),
    )
  })
})

describe('sampledHash', () => {
  it('reads at most 16 characters, so its cost does not grow with the length', () => {
    const long = 'x'.repeat(10_000)
    const changedInTheMiddle = `${'x'.repeat(5_001)}y${'x'.repeat(4_998)}`
    // A change where no sample falls leaves the hash as it was; a change in the last 8 characters does not.
    expect(sampledHash(changedInTheMiddle)).toBe(sampledHash(long))
    expect(sampledHash(`${'x'.repeat(9_999)}y`)).not.toBe(sampledHash(long))
  })

  it('spreads the ids of one column over the table (UUIDs, org ids, timestamps)', () => {
    const columns = [
      Array.from(
        { length: 1000 },
        (_, i) =>
          `0188f6b1-${(i * 7919).toString(16).padStart(4, '0')}-7abc-a123-${(i * 104729).toString(16).padStart(12, '0')}`,
      ),
      Array.from({ length: 1000 }, (_, i) => `org_${i}`),
      Array.from({ length: 1000 }, (_, i) =>
        new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString().replace('.000Z', 'Z'),
      ),
    ]
    for (const values of columns) {
      const slots = new Set(values.map((v) => sampledHash(v) & 4095))
      // 1,000 values thrown at random into 4,096 slots land in about 890 distinct ones.
      expect(slots.size).toBeGreaterThan(850)
    }
  })
})
