import { describe, expect, it } from 'vitest'
import { RejectReason } from '../RejectReason'
import { coerceIdentifier, coerceText } from './coerceText'
import { Rejection } from './Rejection'

describe('coerceText', () => {
  it.each([
    ['Acme', 'Acme'],
    [42, '42'],
    [12345678901234567890n, '12345678901234567890'],
    [true, 'true'],
    [['a', 1n], '["a","1"]'],
    [{ plan: 'pro' }, '{"plan":"pro"}'],
  ])('prints %s as %s', (input, expected) => {
    expect(coerceText(input)).toBe(expected)
  })

  it('refuses an integer that JSON parsing already rounded, with unsafe_integer', () => {
    const result = coerceText(2 ** 60)
    expect(result).toBeInstanceOf(Rejection)
    expect((result as Rejection).reason).toBe(RejectReason.UnsafeInteger)
    expect((result as Rejection).message).toContain('toString(')
  })
})

describe('coerceIdentifier', () => {
  it('trims text and prints numbers and bigints exactly', () => {
    expect(coerceIdentifier('  acme.com ', RejectReason.MissingAccount, 'account')).toBe('acme.com')
    expect(coerceIdentifier(1234, RejectReason.MissingAccount, 'account')).toBe('1234')
    expect(coerceIdentifier(9007199254740993n, RejectReason.MissingAccount, 'account')).toBe('9007199254740993')
  })

  it.each([null, undefined, '', '   ', { id: 1 }, true, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %j with the caller reason',
    (input) => {
      const result = coerceIdentifier(input, RejectReason.MissingKey, 'record key')
      expect(result).toBeInstanceOf(Rejection)
      expect((result as Rejection).reason).toBe(RejectReason.MissingKey)
    },
  )

  it('refuses a rounded integer id with unsafe_integer', () => {
    const result = coerceIdentifier(2 ** 60, RejectReason.MissingAccount, 'account')
    expect((result as Rejection).reason).toBe(RejectReason.UnsafeInteger)
  })
})
