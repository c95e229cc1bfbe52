import { describe, expect, it } from 'vitest'
import { RejectReason } from '../RejectReason'
import { coerceEnum, enumOptions } from './coerceEnum'
import { Rejection } from './Rejection'

describe('coerceEnum', () => {
  const plans = enumOptions(['Free', 'Pro', 'Enterprise'])

  it('accepts exact values and maps other cases and spacing to the catalog spelling', () => {
    expect(coerceEnum('Pro', plans)).toBe('Pro')
    expect(coerceEnum(' enterprise ', plans)).toBe('Enterprise')
  })

  it('compares numbers as text', () => {
    expect(coerceEnum(3, enumOptions(['1', '2', '3']))).toBe('3')
  })

  it('rejects other values with bad_enum_value listing the allowed values', () => {
    const result = coerceEnum('Gold', plans)
    expect(result).toBeInstanceOf(Rejection)
    expect((result as Rejection).reason).toBe(RejectReason.BadEnumValue)
    expect((result as Rejection).message).toContain('"Free", "Pro", "Enterprise"')
  })

  it('does not fold when two options differ only by case', () => {
    const options = enumOptions(['a', 'A'])
    expect(coerceEnum('A', options)).toBe('A')
    expect(coerceEnum(' a ', options)).toBeInstanceOf(Rejection)
  })
})
