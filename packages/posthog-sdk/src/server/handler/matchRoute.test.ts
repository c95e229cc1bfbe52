import { describe, expect, it } from 'vitest'
import { matchRoute } from './matchRoute'

describe('matchRoute', () => {
  it('matches on the tail of the path without a basePath, wherever the handler is mounted', () => {
    expect(matchRoute('GET', '/any/prefix/queries/q1', undefined)).toEqual({
      kind: 'found',
      name: 'getQuery',
      params: { queryId: 'q1' },
    })
    expect(matchRoute('POST', '/x/queries/q1/run', undefined)).toMatchObject({ name: 'runQuery' })
    expect(matchRoute('GET', '/x/runs/r1/rejects.csv', undefined)).toMatchObject({
      name: 'getRunRejectsCsv',
      params: { runId: 'r1' },
    })
  })

  it('prefers the longest route, so an id that looks like a route is still an id', () => {
    expect(matchRoute('GET', '/api/queries/connection', undefined)).toMatchObject({
      name: 'getQuery',
      params: { queryId: 'connection' },
    })
    expect(matchRoute('GET', '/api/runs/runs', undefined)).toMatchObject({ name: 'getRun', params: { runId: 'runs' } })
  })

  it('requires the basePath when one is given', () => {
    expect(matchRoute('GET', '/api/posthog/catalog', '/api/posthog/')).toMatchObject({
      kind: 'found',
      name: 'getCatalog',
    })
    expect(matchRoute('GET', '/api/posthog-evil/catalog', '/api/posthog')).toEqual({ kind: 'not_found' })
    expect(matchRoute('GET', '/other/api/posthog/catalog', '/api/posthog')).toEqual({ kind: 'not_found' })
  })

  it('decodes path parameters once and reports malformed escapes', () => {
    expect(matchRoute('GET', '/queries/a%2Fb', undefined)).toMatchObject({ params: { queryId: 'a/b' } })
    expect(matchRoute('GET', '/queries/%E0%A4%A', undefined)).toMatchObject({ kind: 'bad_path' })
  })

  it('lists the allowed methods for a known path', () => {
    expect(matchRoute('PATCH', '/queries/q1', undefined)).toEqual({
      kind: 'method_not_allowed',
      allow: ['GET', 'PUT', 'DELETE'],
    })
    expect(matchRoute('GET', '/nothing/here', undefined)).toEqual({ kind: 'not_found' })
  })
})
