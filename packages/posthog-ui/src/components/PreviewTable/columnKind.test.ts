import { describe, expect, it } from 'vitest'
import { columnKind, formatCell } from './columnKind'

describe('columnKind', () => {
  it.each([
    ['UInt64', 'number'],
    ['Nullable(Float64)', 'number'],
    ['Decimal(10, 2)', 'number'],
    ["DateTime64(6, 'UTC')", 'datetime'],
    ['Nullable(Date)', 'datetime'],
    ['Bool', 'boolean'],
    ['Array(String)', 'json'],
    ['LowCardinality(Nullable(String))', 'text'],
    ['String', 'text'],
  ])('%s is %s', (type, kind) => {
    expect(columnKind(type)).toBe(kind)
  })
})

describe('formatCell', () => {
  it('keeps null visible and shows structures as JSON', () => {
    expect(formatCell(null)).toBe('null')
    expect(formatCell(['a', 1])).toBe('["a",1]')
    expect(formatCell(12.5)).toBe('12.5')
    expect(formatCell('acme.com')).toBe('acme.com')
  })
})
