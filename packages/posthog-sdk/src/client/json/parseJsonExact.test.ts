import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { convertWideIntegersToBigInt, hasUnsafeInteger, parseJsonExact } from './parseJsonExact'

describe('parseJsonExact', () => {
  it('keeps integers beyond 2^53 exact as strings, outside strings only', () => {
    const text =
      '{"results":[[18446744073709551615,"18446744073709551615x",-9223372036854775808,9007199254740993,9007199254740991,1.2345678901234567,1e21,"a\\"12345678901234567890"]]}'
    expect(parseJsonExact(text)).toEqual({
      results: [
        [
          '18446744073709551615',
          '18446744073709551615x',
          '-9223372036854775808',
          '9007199254740993',
          9007199254740991,
          1.2345678901234567,
          1e21,
          'a"12345678901234567890',
        ],
      ],
    })
  })

  it('handles escaped backslashes before a closing quote', () => {
    expect(parseJsonExact('["a\\\\", 12345678901234567890]')).toEqual(['a\\', '12345678901234567890'])
  })

  it('equals JSON.parse on any JSON without unsafe integers', () => {
    fc.assert(
      fc.property(
        fc.json().filter((text) => !hasUnsafeInteger(JSON.parse(text))),
        (text) => {
          expect(parseJsonExact(text)).toEqual(JSON.parse(text))
        },
      ),
    )
  })

  it('round-trips any bigint exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 127n), max: 2n ** 128n }), fc.string(), (value, s) => {
        const parsed = parseJsonExact(`[${value}, ${JSON.stringify(s)}]`) as unknown[]
        expect(String(parsed[0])).toBe(value.toString())
        expect(parsed[1]).toBe(s)
      }),
    )
  })
})

describe('hasUnsafeInteger', () => {
  it('finds a rounded integer at any depth, and nothing in safe numbers or strings', () => {
    expect(hasUnsafeInteger(JSON.parse('18446744073709551615'))).toBe(true)
    expect(hasUnsafeInteger(JSON.parse('{"a": [1, {"b": -9223372036854775808}]}'))).toBe(true)
    expect(hasUnsafeInteger(JSON.parse('[9007199254740991, -9007199254740991, 1.5, "18446744073709551615"]'))).toBe(
      false,
    )
  })
})

describe('convertWideIntegersToBigInt', () => {
  it('turns the exact strings of wide-integer columns into bigint and leaves other columns', () => {
    const rows: unknown[][] = [['18446744073709551615', '123456789012345678901', 5, ['9223372036854775807']]]
    convertWideIntegersToBigInt(rows, ['UInt64', 'String', 'Int64', 'Array(Int64)'])
    expect(rows).toEqual([[18446744073709551615n, '123456789012345678901', 5, [9223372036854775807n]]])
  })
})
