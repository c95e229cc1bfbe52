import { describe, expect, it } from 'vitest'
import { createPostHogClient } from './createPostHogClient'
import { isPostHogClientError } from './errors/PostHogClientError'

const base = { apiHost: 'https://us.posthog.com', projectId: 12345, personalApiKey: 'phx_test' }

describe('createPostHogClient options', () => {
  it.each([
    [{ apiHost: 'us.posthog.com' }, 'invalid_request', /not a URL/],
    [{ apiHost: 'ftp://us.posthog.com' }, 'invalid_request', /http/],
    [{ projectId: 'phc_abc' }, 'invalid_request', /project token/],
    [{ personalApiKey: '  ' }, 'authentication', /personal API key/],
  ])('refuses %o with a message saying what to use', (override, code, message) => {
    let caught: unknown
    try {
      createPostHogClient({ ...base, ...override })
    } catch (error) {
      caught = error
    }
    expect(isPostHogClientError(caught, code as 'invalid_request')).toBe(true)
    expect((caught as Error).message).toMatch(message)
  })

  it('accepts @current and a host with a trailing slash', () => {
    expect(() =>
      createPostHogClient({ ...base, apiHost: 'https://eu.posthog.com/', projectId: '@current' }),
    ).not.toThrow()
  })
})
