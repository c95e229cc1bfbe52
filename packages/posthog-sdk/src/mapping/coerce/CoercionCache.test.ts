import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { parseColumnType } from '../ColumnType'
import { RejectReason } from '../RejectReason'
import { CoercionCache } from './CoercionCache'
import { coerceIdentifier } from './coerceText'
import { coerceTimestamp } from './coerceTimestamp'
import { RecentStrings } from './RecentStrings'
import { Rejection } from './Rejection'

const identifier = (raw: unknown) => coerceIdentifier(raw, RejectReason.MissingAccount, 'account reference')

describe('CoercionCache', () => {
  it('gives raw values that coerce to the same value one id, and that value', () => {
    const cache = new CoercionCache(identifier)
    const a = cache.idOf('org_1')
    expect(cache.idOf(' org_1 ')).toBe(a)
    expect(cache.idOf('org_1')).toBe(a)
    expect(cache.idOf(42)).toBe(cache.idOf('42'))
    expect(cache.idOf('42')).not.toBe(a)
    expect(cache.valueOf(a)).toBe('org_1')
    expect(cache.size).toBe(2)
  })

  it('answers the same ids whether its comparison with the last lookup is on or off (long runs, then none)', () => {
    // Runs of one value switch the comparison on, a value per lookup switches it off (every 256 lookups).
    const segment = fc.oneof(
      fc
        .tuple(fc.constantFrom(' a', 'a', 'b', 'c', '', 7), fc.integer({ min: 1, max: 400 }))
        .map(([v, n]) => Array(n).fill(v)),
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 50 }).map((n) => `org_${n}`),
          fc.constant(null),
        ),
        { maxLength: 400 },
      ),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const cache = new CoercionCache(identifier)
        const byValue = new Map<string, number>()
        for (const raw of segments.flat()) {
          const id = cache.idOf(raw)
          const coerced = identifier(raw)
          if (coerced instanceof Rejection) {
            expect(id).toBeLessThan(0)
            continue
          }
          expect(cache.valueOf(id)).toBe(coerced)
          expect(byValue.get(coerced) ?? id).toBe(id)
          byValue.set(coerced, id)
        }
      }),
      { numRuns: 50 },
    )
  })

  it('widens its front table once, when a column shows many distinct values', () => {
    const widen = vi.spyOn(RecentStrings.prototype, 'widen')
    try {
      const cache = new CoercionCache(identifier)
      for (let i = 0; i < 255; i++) cache.idOf(`org_${i}`)
      expect(widen).not.toHaveBeenCalled()
      for (let i = 0; i < 1000; i++) expect(cache.valueOf(cache.idOf(`org_${i}`))).toBe(`org_${i}`)
      expect(widen).toHaveBeenCalledTimes(1)
    } finally {
      widen.mockRestore()
    }
  })

  it('finds a value first seen through another raw value when its own text arrives later', () => {
    const cache = new CoercionCache(identifier)
    const padded = cache.idOf('  acme ')
    expect(cache.idOf('acme')).toBe(padded)
    expect(cache.size).toBe(1)
  })

  it('answers a negative code for refused values, with the coercer’s own rejection', () => {
    const cache = new CoercionCache(identifier)
    const code = cache.idOf(null)
    expect(code).toBeLessThan(0)
    expect(cache.rejectionOf(code)).toBeInstanceOf(Rejection)
    expect(cache.rejectionOf(code).reason).toBe(RejectReason.MissingAccount)
    expect(cache.idOf('   ')).toBeLessThan(0)
    expect(cache.rejectionOf(cache.idOf(2 ** 60)).reason).toBe(RejectReason.UnsafeInteger)
    expect(cache.size).toBe(0)
  })

  it('coerces objects each time (their identity says nothing of their content)', () => {
    const utc = parseColumnType("DateTime64(6, 'UTC')")
    let calls = 0
    const cache = new CoercionCache((raw) => {
      calls++
      return coerceTimestamp(raw, utc)
    })
    const date = new Date('2025-06-01T00:00:00Z')
    const id = cache.idOf(date)
    date.setUTCDate(2)
    const moved = cache.idOf(date)
    expect(moved).not.toBe(id)
    expect(cache.valueOf(moved)).toBe('2025-06-02T00:00:00.000Z')
    expect(cache.idOf(date)).toBe(moved)
    expect(calls).toBe(3)
    // The same instant as text shares the id of the Date's value.
    expect(cache.idOf('2025-06-02T00:00:00.000Z')).toBe(cache.idOf(new Date('2025-06-02T00:00:00Z')))
  })

  it('keeps a canonical form refused as raw text apart from the value it stands for', () => {
    // 1e21 ns is in the year 33658: toISOString writes it with an expanded year, which is not timestamp text.
    const utc = parseColumnType('DateTime')
    const cache = new CoercionCache((raw) => coerceTimestamp(raw, utc))
    const fromNumber = cache.idOf(1e21)
    expect(fromNumber).toBeGreaterThanOrEqual(0)
    const text = cache.valueOf(fromNumber)
    expect(cache.idOf(text)).toBeLessThan(0)
    expect(cache.idOf(1e21)).toBe(fromNumber)
  })

  it('agrees with the coercer on arbitrary values: same value, and equal ids exactly for equal values', () => {
    const raw = fc.oneof(
      fc.constantFrom('a', ' a', 'a ', 'b', '', ' ', '1', '01', 'A'),
      fc.string({ maxLength: 4 }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(null, undefined, 1.5, 2 ** 60, true, 10n),
    )
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 60 }), (values) => {
        const cache = new CoercionCache(identifier)
        const byValue = new Map<string, number>()
        for (const value of values) {
          const expected = identifier(value)
          const id = cache.idOf(value)
          if (expected instanceof Rejection) {
            expect(id).toBeLessThan(0)
            expect(cache.rejectionOf(id).message).toBe(expected.message)
            continue
          }
          expect(cache.valueOf(id)).toBe(expected)
          expect(byValue.get(expected) ?? id).toBe(id)
          byValue.set(expected, id)
        }
        expect(cache.size).toBe(byValue.size)
      }),
    )
  })
})
