import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Int32ArrayPool } from './Int32ArrayPool'
import { UsageKeySet } from './UsageKeySet'

/** Checks `keys` against exact string keys over the (account, metric, timestamp) triples, in order. */
function agree(keys: UsageKeySet, triples: readonly (readonly [number, number, number])[]): void {
  const exact = new Map<string, number>()
  triples.forEach(([a, m, t], i) => {
    const k = `${a},${m},${t}`
    const expected = exact.get(k) ?? 0
    if (!exact.has(k)) exact.set(k, i + 1)
    expect(keys.addIfAbsent(a, m, t, i + 1)).toBe(expected)
  })
  expect(keys.size).toBe(exact.size)
}

describe('UsageKeySet', () => {
  it('detects repeated (account, metric, timestamp) keys of an aggregation, naming the first row', () => {
    const keys = new UsageKeySet()
    let row = 0
    for (let t = 0; t < 20; t++)
      for (let a = 0; a < 300; a++) for (let m = 0; m < 3; m++) keys.addIfAbsent(a, m, t, ++row)
    expect(keys.size).toBe(18_000)
    expect(keys.addIfAbsent(0, 0, 0, ++row)).toBe(1)
    expect(keys.addIfAbsent(299, 2, 19, ++row)).toBe(18_000)
    expect(keys.addIfAbsent(300, 0, 19, ++row)).toBe(0)
  })

  it('keeps its keys when a metric id outgrows the grid’s layout', () => {
    const keys = new UsageKeySet()
    expect(keys.addIfAbsent(5, 3, 0, 1)).toBe(0)
    expect(keys.addIfAbsent(5, 40, 0, 2)).toBe(0)
    expect(keys.addIfAbsent(5, 3, 0, 3)).toBe(1)
    expect(keys.addIfAbsent(5, 40, 0, 4)).toBe(2)
    expect(keys.addIfAbsent(6, 3, 0, 5)).toBe(0)
  })

  it('moves to a hash set when keys are sparse (distinct timestamps), keeping every earlier key', () => {
    const keys = new UsageKeySet()
    const triples: [number, number, number][] = []
    // Each timestamp holds one key of a large account id: a grid row of 8,192+ cells per key.
    for (let t = 0; t < 400; t++) triples.push([(t * 37) % 1000, t % 3, t])
    triples.push([0, 0, 0], [(399 * 37) % 1000, 0, 399], [7, 1, 5])
    agree(keys, triples)
  })

  it('forgets every key on release and reuses its memory, dense or sparse, through one pool', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.nat(40), fc.nat(9), fc.nat(30)), { maxLength: 300 }), { maxLength: 4 }),
        (runs) => {
          const pool = new Int32ArrayPool(1 << 20)
          const keys = new UsageKeySet(pool)
          for (const triples of runs) {
            agree(keys, triples)
            keys.release()
            expect(keys.size).toBe(0)
          }
        },
      ),
    )
  })

  it('agrees with exact keys on arbitrary input, dense or sparse', () => {
    const small = fc.integer({ min: 0, max: 3 })
    const wide = fc.integer({ min: 0, max: 5000 })
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.oneof(small, wide), fc.oneof(small, fc.integer({ min: 0, max: 40 })), fc.oneof(small, wide)),
          {
            maxLength: 300,
          },
        ),
        (triples) => agree(new UsageKeySet(), triples),
      ),
      { numRuns: 200 },
    )
  })
})
