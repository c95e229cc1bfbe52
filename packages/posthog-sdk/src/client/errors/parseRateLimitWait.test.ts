import { describe, expect, it } from 'vitest'
import { parseRateLimitWait, parseRetryAfter } from './parseRateLimitWait'

describe('parseRateLimitWait', () => {
  it.each([
    ['Request was throttled. Expected available in 37 seconds.', 37_000],
    ['Request was throttled. Expected available in 1 second.', 1_000],
    ['Request was throttled. Expected available in 0.5 seconds.', 500],
    ['Too many queries are running right now — please try again in a moment.', undefined],
  ])('%s -> %s ms', (text, expected) => {
    expect(parseRateLimitWait(text)).toBe(expected)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores junk', () => {
    expect(parseRetryAfter('1', 0)).toBe(1000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(null, 0)).toBeUndefined()
  })
})
