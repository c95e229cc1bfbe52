import { describe, expect, it } from 'vitest'
import { RejectReason } from '../RejectReason'
import { coerceNumber } from './coerceNumber'
import { Rejection } from './Rejection'

describe('coerceNumber', () => {
  it.each([
    [12, 12],
    [-1.5, -1.5],
    ['12.5', 12.5],
    [' 3e2 ', 300],
    ['1e3', 1000],
    [' 12 ', 12],
    ['+5', 5],
    [-0, -0],
    [1e308, 1e308],
    ['-.5', -0.5],
    [123n, 123],
    [18446744073709551615n, 2 ** 64],
    ['18446744073709551615', 2 ** 64],
  ])('reads %s as %s', (input, expected) => {
    expect(coerceNumber(input)).toBe(expected)
  })

  it.each([
    null,
    undefined,
    '',
    'abc',
    '0x1A',
    'NaN',
    'Infinity',
    '1,000',
    '1e400',
    '\u200b12',
    '１２',
    true,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    {},
  ])('rejects %s with not_a_number', (input) => {
    const result = coerceNumber(input)
    expect(result).toBeInstanceOf(Rejection)
    expect((result as Rejection).reason).toBe(RejectReason.NotANumber)
  })
})
