import { describe, expect, it } from 'vitest'
import { RejectReason } from '../RejectReason'
import { coerceBoolean } from './coerceBoolean'
import { Rejection } from './Rejection'

describe('coerceBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [1n, true],
    [0n, false],
    ['true', true],
    [' FALSE ', false],
    ['1', true],
    ['0', false],
    ['Yes', true],
    ['no', false],
    ['t', true],
    ['f', false],
  ])('reads %s as %s', (input, expected) => {
    expect(coerceBoolean(input)).toBe(expected)
  })

  it.each([2, -1, 'maybe', '', null, 2n, {}])('rejects %s with bad_boolean', (input) => {
    const result = coerceBoolean(input)
    expect(result).toBeInstanceOf(Rejection)
    expect((result as Rejection).reason).toBe(RejectReason.BadBoolean)
  })
})
