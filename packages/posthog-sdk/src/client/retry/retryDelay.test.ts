import { describe, expect, it } from 'vitest'
import { PostHogClientError } from '../errors/PostHogClientError'
import { computeBackoff } from './computeBackoff'
import { resolveRetryOptions } from './RetryOptions'
import { retryDelay } from './retryDelay'

const options = resolveRetryOptions({ attempts: 4, maxElapsedMs: 60_000, baseDelayMs: 500, maxDelayMs: 8_000 })
const max = () => 0.999999
const error = (code: ConstructorParameters<typeof PostHogClientError>[0], details = {}) =>
  new PostHogClientError(code, 'x', details)

describe('computeBackoff', () => {
  it('draws below an exponentially growing, capped ceiling (full jitter)', () => {
    expect(computeBackoff(0, 500, 8000, max)).toBe(499)
    expect(computeBackoff(3, 500, 8000, max)).toBe(3999)
    expect(computeBackoff(10, 500, 8000, max)).toBe(7999)
    expect(computeBackoff(5, 500, 8000, () => 0)).toBe(0)
  })
})

describe('retryDelay', () => {
  it('waits what PostHog asked on a 429, plus a small spread', () => {
    const delay = retryDelay(
      { error: error('rate_limited', { status: 429, retryAfterMs: 37_000 }), transient: false },
      1,
      0,
      options,
      () => 0.5,
    )
    expect(delay).toBe(37_125)
  })

  it('gives up at once when the asked wait would pass the time budget', () => {
    expect(
      retryDelay(
        { error: error('rate_limited', { status: 429, retryAfterMs: 61_000 }), transient: false },
        1,
        0,
        options,
        max,
      ),
    ).toBeUndefined()
  })

  it('backs off at least a second on the concurrency 429', () => {
    expect(
      retryDelay({ error: error('rate_limited', { status: 429 }), transient: false }, 1, 0, options, () => 0),
    ).toBe(1000)
  })

  it.each([500, 502, 503, 504])('retries HTTP %s', (status) => {
    const code = status === 504 ? 'timeout' : 'server'
    expect(retryDelay({ error: error(code, { status }), transient: false }, 1, 0, options, max)).toBe(499)
  })

  it('honours Retry-After on a 503', () => {
    expect(
      retryDelay(
        { error: error('server', { status: 503, retryAfterMs: 1000 }), transient: false },
        1,
        0,
        options,
        () => 0,
      ),
    ).toBe(1000)
  })

  it('retries network errors and cut bodies, not malformed pages', () => {
    expect(retryDelay({ error: error('network'), transient: true }, 2, 0, options, max)).toBe(999)
    // A refusal by the fetch port itself (the host guard) is not a connection failure: another attempt repeats it.
    expect(retryDelay({ error: error('network'), transient: false }, 1, 0, options, max)).toBeUndefined()
    expect(retryDelay({ error: error('invalid_response'), transient: true }, 1, 0, options, max)).toBe(499)
    expect(retryDelay({ error: error('invalid_response'), transient: false }, 1, 0, options, max)).toBeUndefined()
  })

  it.each([
    'authentication',
    'permission',
    'project_not_found',
    'hogql_syntax',
    'hogql_resolution',
    'invalid_request',
    'quota',
    'query_too_slow',
    'query_memory',
    'aborted',
  ] as const)('never retries %s', (code) => {
    expect(retryDelay({ error: error(code, { status: 400 }), transient: false }, 1, 0, options, max)).toBeUndefined()
  })

  it('never retries our own timeout (timeoutMs is the caller budget)', () => {
    expect(
      retryDelay({ error: error('timeout', { timeoutSource: 'client' }), transient: false }, 1, 0, options, max),
    ).toBeUndefined()
  })

  it('stops after the attempt limit', () => {
    expect(retryDelay({ error: error('network'), transient: true }, 4, 0, options, max)).toBeUndefined()
    expect(retryDelay({ error: error('network'), transient: true }, 3, 0, options, max)).toBeDefined()
  })
})
