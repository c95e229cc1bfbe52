import { describe, expect, it } from 'vitest'
import { parseClickHouseType } from './parseClickHouseType'
import { isoInZone, serializeValue, valueWriter } from './serializeValue'

const write = (value: unknown, type: string) => serializeValue(value, parseClickHouseType(type))

describe('serializeValue', () => {
  it('writes 64-bit integers as exact bare digits', () => {
    expect(write('18446744073709551615', 'UInt64')).toBe('18446744073709551615')
    expect(write('-9007199254740993', 'Nullable(Int64)')).toBe('-9007199254740993')
    expect(write(['9007199254740993'], 'Array(UInt64)')).toBe('[9007199254740993]')
  })

  it('writes DateTimes in ISO with Z or the zone offset, microseconds only when non-zero', () => {
    expect(write('2025-06-01T00:00:01.123000Z', "DateTime64(6, 'UTC')")).toBe('"2025-06-01T00:00:01.123000Z"')
    expect(write('2025-06-01T00:00:02.000000Z', "DateTime64(6, 'UTC')")).toBe('"2025-06-01T00:00:02Z"')
    expect(write('2025-06-01T10:00:00Z', "DateTime('Europe/Berlin')")).toBe('"2025-06-01T12:00:00+02:00"')
    expect(write('2025-01-15T10:00:00.5Z', "Nullable(DateTime64(3, 'Europe/Berlin'))")).toBe(
      '"2025-01-15T11:00:00.500000+01:00"',
    )
    expect(isoInZone('2025-06-01T10:00:00Z', 'America/New_York')).toBe('2025-06-01T06:00:00-04:00')
  })

  it('writes Date, NaN, tuples and maps', () => {
    expect(write('2025-06-01', 'Date')).toBe('"2025-06-01"')
    expect(write(null, 'Float64')).toBe('null')
    expect(write([1, 'a', '2025-06-01T00:00:00Z'], "Tuple(UInt8, String, DateTime('UTC'))")).toBe(
      '[1,"a","2025-06-01T00:00:00Z"]',
    )
    expect(write({ a: '1' }, 'Map(String, UInt64)')).toBe('{"a":1}')
    expect(write([1, 'x'], 'Tuple(n UInt8, s String)')).toBe('[1,"x"]')
  })

  it('writes through a column writer exactly what serializeValue writes', () => {
    const cases: [string, unknown[]][] = [
      ['String', ['a', 'quote " and \\', '', null]],
      ['Nullable(String)', ['x', null, undefined]],
      ['LowCardinality(Nullable(String))', ['x', null]],
      ['UInt64', ['18446744073709551615', '0', null, 'not digits']],
      ['Nullable(Int64)', ['-9007199254740993', null]],
      ['Int32', [-5, null]],
      ['Float64', [1.5, null, Number.NaN]],
      [
        "DateTime64(6, 'UTC')",
        ['2025-06-01T00:00:01.123000Z', '2025-06-01T00:00:02.000000Z', '2025-06-01T00:00:03Z', null],
      ],
      ["DateTime('UTC')", ['2025-06-01T10:00:00Z', null]],
      ['DateTime', ['2025-06-01T10:00:00Z']],
      ["DateTime('Europe/Berlin')", ['2025-06-01T10:00:00Z', null]],
      ["Nullable(DateTime64(3, 'America/New_York'))", ['2025-01-15T10:00:00.5Z', null]],
      ['Array(UInt64)', [['9007199254740993'], []]],
      ['Map(String, UInt64)', [{ a: '1' }]],
    ]
    for (const [type, values] of cases) {
      const writer = valueWriter(parseClickHouseType(type))
      for (const value of values) expect(writer(value), `${type} ${String(value)}`).toBe(write(value, type))
    }
  })
})
