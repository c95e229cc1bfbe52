import { describe, expect, it } from 'vitest'
import { apiHostRegion, normaliseApiHost } from './apiHost'
import { ConfigError, isConfigError } from './ConfigError'
import { parseConnection, postHogConnectionSchema } from './connection'

const valid = { apiHost: 'https://us.posthog.com', projectId: 12345, personalApiKey: 'phx_abcdefgh12345678' }

function issuesOf(input: unknown) {
  const result = postHogConnectionSchema.safeParse(input)
  if (result.success) throw new Error('expected a parse failure')
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('normaliseApiHost', () => {
  it.each([
    ['https://us.posthog.com', 'https://us.posthog.com'],
    ['https://us.posthog.com/', 'https://us.posthog.com'],
    ['us.posthog.com', 'https://us.posthog.com'],
    ['  EU.PostHog.com/project/1?x=1#y ', 'https://eu.posthog.com'],
    ['https://app.posthog.com', 'https://us.posthog.com'],
    ['https://posthog.example.com:8443/', 'https://posthog.example.com:8443'],
    ['http://localhost:8000', 'http://localhost:8000'],
  ])('%s -> %s', (input, origin) => {
    expect(normaliseApiHost(input)).toEqual({ ok: true, origin })
  })

  it('refuses ingestion hosts and names the right one', () => {
    const result = normaliseApiHost('https://eu.i.posthog.com')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/ingestion.*https:\/\/eu\.posthog\.com/)
    const us = normaliseApiHost('us.i.posthog.com')
    if (!us.ok) expect(us.message).toContain('https://us.posthog.com')
    else throw new Error('expected a refusal')
  })

  it('refuses credentials in the URL, other schemes and empty input', () => {
    expect(normaliseApiHost('https://user:pw@us.posthog.com').ok).toBe(false)
    expect(normaliseApiHost('ftp://us.posthog.com').ok).toBe(false)
    expect(normaliseApiHost('   ').ok).toBe(false)
    expect(normaliseApiHost('https://exa mple.com').ok).toBe(false)
  })

  it('recognises the cloud regions', () => {
    expect(apiHostRegion('https://us.posthog.com')).toBe('us')
    expect(apiHostRegion('https://eu.posthog.com')).toBe('eu')
    expect(apiHostRegion('https://posthog.acme.dev')).toBe('self-hosted')
  })
})

describe('postHogConnectionSchema', () => {
  it('parses and normalises a connection', () => {
    expect(parseConnection({ ...valid, apiHost: 'eu.posthog.com/', projectId: ' 42 ' })).toEqual({
      ...valid,
      apiHost: 'https://eu.posthog.com',
      projectId: 42,
    })
  })

  it('accepts project secret keys', () => {
    expect(parseConnection({ ...valid, personalApiKey: 'phs_secretkey123' }).personalApiKey).toBe('phs_secretkey123')
  })

  it.each([['abc'], ['12a'], ['-5'], ['0'], [''], ['@current'], [1.5]])('refuses project id %j', (projectId) => {
    expect(issuesOf({ ...valid, projectId })).toEqual([
      { path: 'projectId', message: expect.stringMatching(/number from your PostHog project URL|numeric/) },
    ])
  })

  it('refuses a phc_ project token with a message saying what it is', () => {
    const [issue] = issuesOf({ ...valid, personalApiKey: 'phc_abcdefghijklmnop' })
    expect(issue?.path).toBe('personalApiKey')
    expect(issue?.message).toMatch(/public ingestion token/)
    expect(issue?.message).toMatch(/phx_/)
  })

  it.each([['phx_'], ['abc'], ['phx_short'], ['phx_has spaces inside']])('refuses malformed key %j', (key) => {
    expect(issuesOf({ ...valid, personalApiKey: key })[0]?.path).toBe('personalApiKey')
  })

  it('reports every bad field at once with its path', () => {
    expect(issuesOf({ apiHost: 'us.i.posthog.com', projectId: 'x' }).map((issue) => issue.path)).toEqual([
      'apiHost',
      'projectId',
      'personalApiKey',
    ])
  })

  it('throws a ConfigError listing the paths', () => {
    try {
      parseConnection({ ...valid, projectId: 'nope' })
      expect.unreachable()
    } catch (error) {
      expect(isConfigError(error)).toBe(true)
      expect(error).toBeInstanceOf(ConfigError)
      const configError = error as ConfigError
      expect(configError.code).toBe('invalid_config')
      expect(configError.issues[0]?.path).toBe('projectId')
      expect(configError.message).toContain('projectId:')
    }
  })
})
