import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseColumnType } from '../mapping/ColumnType'
import { coerceTimestamp } from '../mapping/coerce/coerceTimestamp'
import { Int32ArrayPool } from './Int32ArrayPool'
import { TimestampKeySet } from './TimestampKeySet'

const at = (i: number) => `2025-06-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(6, '0')}Z`

describe('TimestampKeySet', () => {
  it('returns 0 for new keys and the first row for repeated keys, across growth', () => {
    const keys = new TimestampKeySet(4)
    for (let i = 1; i <= 5_000; i++) expect(keys.addIfAbsent(i % 7, 0, at(i), i)).toBe(0)
    expect(keys.size).toBe(5_000)
    expect(keys.addIfAbsent(1, 0, at(1), 9_000)).toBe(1)
    expect(keys.addIfAbsent(2, 0, at(1), 9_001)).toBe(0)
    expect(keys.addIfAbsent(1, 1, at(1), 9_002)).toBe(0)
  })

  it('gives its tables back on release, and a set built from reused memory knows none of the old keys', () => {
    const pool = new Int32ArrayPool(1 << 24)
    const first = new TimestampKeySet(4, pool)
    for (let i = 1; i <= 3_000; i++) first.addIfAbsent(i % 5, 0, at(i), i)
    first.release()
    expect(first.size).toBe(0)
    expect(pool.pooledBytes).toBeGreaterThan(0)
    const second = new TimestampKeySet(4, pool)
    for (let i = 1; i <= 3_000; i++) expect(second.addIfAbsent(i % 5, 0, at(i), i + 10)).toBe(0)
    for (let i = 1; i <= 3_000; i++) expect(second.addIfAbsent(i % 5, 0, at(i), 1)).toBe(i + 10)
    expect(first.addIfAbsent(1, 0, at(1), 7)).toBe(0)
  })

  it('tells apart texts of the same instant, as the natural key (a string) does', () => {
    const keys = new TimestampKeySet()
    expect(keys.addIfAbsent(0, 0, '2025-06-01T00:00:00Z', 1)).toBe(0)
    expect(keys.addIfAbsent(0, 0, '2025-06-01T00:00:00.000Z', 2)).toBe(0)
    expect(keys.addIfAbsent(0, 0, '2025-06-01T00:00:00.0Z', 3)).toBe(0)
    expect(keys.addIfAbsent(0, 0, '2025-06-01T00:00:00.5Z', 4)).toBe(0)
    expect(keys.addIfAbsent(0, 0, '2025-06-01T00:00:00.50Z', 5)).toBe(0)
    expect(keys.addIfAbsent(0, 0, '2025-06-01T00:00:00.000Z', 6)).toBe(2)
    // Expanded years (toISOString beyond 9999) are kept by their text.
    expect(keys.addIfAbsent(0, 0, '+033658-09-27T01:46:40.000Z', 7)).toBe(0)
    expect(keys.addIfAbsent(0, 0, '+033658-09-27T01:46:40.000Z', 8)).toBe(7)
  })

  it('agrees with exact string keys on arbitrary input, ISO-shaped or not', () => {
    const digit = fc.constantFrom('0', '1', '9')
    const iso = fc
      .tuple(fc.array(digit, { minLength: 14, maxLength: 14 }), fc.array(digit, { maxLength: 9 }))
      .map(([d, f]) => {
        const s = d.join('')
        const base = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`
        return `${base}${f.length > 0 ? `.${f.join('')}` : ''}Z`
      })
    const text = fc.oneof(
      iso,
      fc.string({ maxLength: 30 }),
      fc.constantFrom('2025-06-01T00:00:00.Z', '2025-06-0aT00:00:00Z'),
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), text), { maxLength: 200 }),
        (triples) => {
          const keys = new TimestampKeySet(2)
          const exact = new Map<string, number>()
          // Repeat the input so that every key is met again.
          ;[...triples, ...triples].forEach(([a, b, t], i) => {
            const k = JSON.stringify([a, b, t])
            const expected = exact.get(k) ?? 0
            if (!exact.has(k)) exact.set(k, i + 1)
            expect(keys.addIfAbsent(a, b, t, i + 1)).toBe(expected)
          })
          expect(keys.size).toBe(exact.size)
        },
      ),
    )
  })

  it('reads as a timestamp exactly the texts coerceTimestamp keeps as written, keys them as addIfAbsent does and gives their Date.parse time', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    const iso = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        two(19),
        two(39),
        two(29),
        two(69),
        two(69),
        fc.string({ maxLength: 10 }),
      )
      .map(([y, mo, d, h, mi, s, f]) => {
        const fraction = f.replace(/[^0-9]/g, '').slice(0, 9)
        return `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${fraction ? `.${fraction}` : ''}Z`
      })
    const column = parseColumnType("DateTime64(6, 'UTC')")
    fc.assert(
      fc.property(fc.oneof(iso, fc.string({ maxLength: 32 })), fc.integer({ min: 0, max: 3 }), (text, account) => {
        const keys = new TimestampKeySet()
        const read = keys.readTimestamp(text)
        if (read) {
          expect(coerceTimestamp(text, column)).toBe(text)
          const epochMs = new Float64Array(2)
          keys.writeEpochMs(epochMs, 1)
          expect(epochMs[1]).toBe(Date.parse(text))
          const other = new TimestampKeySet()
          expect(keys.addRead(account, 0, 1)).toBe(other.addIfAbsent(account, 0, text, 1))
          expect(keys.addRead(account, 0, 2)).toBe(other.addIfAbsent(account, 0, text, 2))
        } else if (
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/.test(text) &&
          coerceTimestamp(text, column) === text
        ) {
          throw new Error(`${text} is PostHog's UTC form in range but was not read`)
        }
      }),
    )
  })
})
