import { describe, expect, it } from 'vitest'
import { jsonValueSchema, toJsonValue } from './jsonValue'

describe('toJsonValue', () => {
  it('makes PostHog cells JSON-safe', () => {
    const value = toJsonValue({
      big: 18446744073709551615n,
      at: new Date('2025-06-01T00:00:00Z'),
      nan: Number.NaN,
      missing: undefined,
      list: [1n, 'a', null, [true]],
    })
    expect(value).toEqual({
      big: '18446744073709551615',
      at: '2025-06-01T00:00:00.000Z',
      nan: null,
      missing: null,
      list: ['1', 'a', null, [true]],
    })
    expect(jsonValueSchema.parse(JSON.parse(JSON.stringify(value)))).toEqual(value)
  })
})
