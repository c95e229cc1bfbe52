import { describe, expect, it } from 'vitest'
import { customFieldKeys } from './customFieldKeys'

const shareKey = (a: Parameters<typeof customFieldKeys>[0], b: Parameters<typeof customFieldKeys>[0]) =>
  customFieldKeys(a).some((key) => customFieldKeys(b).includes(key))

describe('customFieldKeys', () => {
  it('compares strings trimmed and case-insensitively', () => {
    expect(shareKey(' ACME-Plan ', 'acme-plan')).toBe(true)
    expect(shareKey('Straße', 'STRASSE')).toBe(false)
    expect(shareKey('gold', 'golden')).toBe(false)
  })

  it('compares numbers numerically, including numbers written as strings', () => {
    expect(shareKey(42, '42')).toBe(true)
    expect(shareKey(42, '42.0')).toBe(true)
    expect(shareKey(42, ' 042 ')).toBe(true)
    expect(shareKey(0, '-0')).toBe(true)
    expect(shareKey(42, 43)).toBe(false)
  })

  it('never compares ids of more than 15 digits as numbers, where doubles would make distinct ids equal', () => {
    expect(shareKey('12345678901234567', '12345678901234568')).toBe(false)
  })

  it('compares booleans with their spellings, and has no key for null and blanks', () => {
    expect(shareKey(true, 'TRUE')).toBe(true)
    expect(shareKey(true, false)).toBe(false)
    expect(customFieldKeys(null)).toEqual([])
    expect(customFieldKeys('  ')).toEqual([])
    expect(customFieldKeys(Number.NaN)).toEqual([])
  })
})
