import { describe, expect, it } from 'vitest'
import type { CatalogField } from '../../config/index'
import { parseColumnType, UNKNOWN_COLUMN_TYPE } from '../ColumnType'
import { RejectReason } from '../RejectReason'
import { fieldCoercer } from './fieldCoercer'
import { Rejection } from './Rejection'

const field = (type: CatalogField['type'], extra: Partial<CatalogField> = {}): CatalogField => ({
  key: 'f',
  label: 'F',
  type,
  ...extra,
})

describe('fieldCoercer', () => {
  it('coerces to each catalog type', () => {
    expect(fieldCoercer(field('string'), UNKNOWN_COLUMN_TYPE)(12)).toBe('12')
    expect(fieldCoercer(field('number'), UNKNOWN_COLUMN_TYPE)('12.5')).toBe(12.5)
    expect(fieldCoercer(field('boolean'), parseColumnType('UInt8'))(1)).toBe(true)
    expect(fieldCoercer(field('date'), parseColumnType('Date'))('2025-06-01')).toBe('2025-06-01')
    expect(fieldCoercer(field('enum', { options: ['Pro'] }), UNKNOWN_COLUMN_TYPE)('pro')).toBe('Pro')
  })

  it('writes null for an empty optional value', () => {
    for (const empty of [null, undefined, '', '  ']) {
      expect(fieldCoercer(field('number'), UNKNOWN_COLUMN_TYPE)(empty)).toBeNull()
    }
  })

  it('rejects an empty required value with missing_required', () => {
    const result = fieldCoercer(field('string', { required: true }), UNKNOWN_COLUMN_TYPE)(null)
    expect((result as Rejection).reason).toBe(RejectReason.MissingRequired)
  })

  it('passes the type-specific reason through', () => {
    expect((fieldCoercer(field('number'), UNKNOWN_COLUMN_TYPE)('x') as Rejection).reason).toBe(RejectReason.NotANumber)
    expect((fieldCoercer(field('boolean'), UNKNOWN_COLUMN_TYPE)('x') as Rejection).reason).toBe(RejectReason.BadBoolean)
    expect((fieldCoercer(field('date'), UNKNOWN_COLUMN_TYPE)('x') as Rejection).reason).toBe(RejectReason.BadDate)
    expect(fieldCoercer(field('enum', { options: ['a'] }), UNKNOWN_COLUMN_TYPE)('x')).toBeInstanceOf(Rejection)
  })
})
