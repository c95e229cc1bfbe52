import { describe, expect, it } from 'vitest'
import { classifyHttpError, type HttpFailure } from './classifyHttpError'

const failure = (status: number, body: unknown, extra: Partial<HttpFailure> = {}): HttpFailure => ({
  status,
  body,
  retryAfter: null,
  purpose: 'query',
  nowMs: 0,
  ...extra,
})
const drf = (type: string, code: string, detail: string) => ({ type, code, detail, attr: null })

describe('classifyHttpError', () => {
  it('reads a revoked key (TV7) and missing credentials (TV8) as authentication', () => {
    const revoked = classifyHttpError(
      failure(
        401,
        drf(
          'authentication_error',
          'authentication_failed',
          'Personal API key found in request Authorization header is invalid.',
        ),
      ),
    )
    expect(revoked.code).toBe('authentication')
    expect(revoked.message).toMatch(/revoked/)
    const none = classifyHttpError(
      failure(401, drf('authentication_error', 'not_authenticated', 'Authentication credentials were not provided.')),
    )
    expect(none.code).toBe('authentication')
    expect(none.message).toMatch(/No API key/)
  })

  it('names the missing scope (TV9, TV19) and reads project access refusals (TV10)', () => {
    const scope = classifyHttpError(
      failure(403, drf('authentication_error', 'permission_denied', "API key missing required scope 'query:read'")),
    )
    expect(scope).toMatchObject({ code: 'permission', requiredScope: 'query:read' })
    expect(scope.message).toContain("'query:read'")
    const project = classifyHttpError(
      failure(
        403,
        drf(
          'authentication_error',
          'permission_denied',
          'API key does not have access to the requested project: ID 12345.',
        ),
      ),
    )
    expect(project.code).toBe('permission')
    expect(project.requiredScope).toBeUndefined()
  })

  it('reads 404 as project_not_found (TV11) but as an expired async query when polling', () => {
    expect(classifyHttpError(failure(404, drf('invalid_request', 'not_found', 'Project not found.'))).code).toBe(
      'project_not_found',
    )
    expect(
      classifyHttpError(
        failure(404, drf('invalid_request', 'not_found', 'Query x not found for team 1'), { purpose: 'poll' }),
      ).code,
    ).toBe('invalid_request')
  })

  it.each([
    ['hogql_syntax_error', "mismatched input 'selec' expecting {SELECT, WITH, '{', '(', '<'}", 'hogql_syntax'],
    ['invalid_input', "mismatched input 'selec' expecting {SELECT, WITH, '{', '(', '<'}", 'hogql_syntax'],
    ['invalid_input', "extraneous input '1' expecting <EOF>", 'hogql_syntax'],
    ['hogql_query_error', 'Unable to resolve field: no_field', 'hogql_resolution'],
    ['invalid_input', 'Unable to resolve field: no_field', 'hogql_resolution'],
    ['unknown_function', 'Unsupported function call hamburger(...)', 'hogql_resolution'],
    [
      'invalid_input',
      'Query kind mismatch: path kind "HogQLQuery" does not match body kind "HogQLMetadata".',
      'invalid_request',
    ],
  ])('reads 400 %s "%s" as %s (TV4, TV5, TV20, old and new codes)', (code, detail, expected) => {
    const error = classifyHttpError(failure(400, drf('validation_error', code, detail), { hogql: 'q' }))
    expect(error.code).toBe(expected)
    expect(error.detail).toBe(detail)
    expect(error.posthogCode).toBe(code)
    expect(error.start).toBeUndefined()
    expect(error.hogql).toBe('q')
  })

  it('explains the OFFSET refusal with the fix (TV6)', () => {
    const error = classifyHttpError(
      failure(
        400,
        drf(
          'validation_error',
          'hogql_query_error',
          'OFFSET is not supported on queries made with a personal API key. For pagination, use keyset pagination',
        ),
      ),
    )
    expect(error.code).toBe('hogql_resolution')
    expect(error.message).toContain('{period_start}')
  })

  it('parses the wait of a 429 (TV12) and tells the concurrency limit apart (TV13, old text too)', () => {
    const wait = classifyHttpError(
      failure(429, drf('throttled_error', 'throttled', 'Request was throttled. Expected available in 37 seconds.')),
    )
    expect(wait).toMatchObject({ code: 'rate_limited', retryAfterMs: 37_000, rateLimitKind: 'throttled' })
    const newest = classifyHttpError(
      failure(
        429,
        drf('throttled_error', 'throttled', 'Too many queries are running right now — please try again in a moment.'),
      ),
    )
    expect(newest).toMatchObject({ code: 'rate_limited', retryAfterMs: undefined, rateLimitKind: 'concurrency' })
    const older = classifyHttpError(
      failure(
        429,
        drf(
          'throttled_error',
          'throttled',
          'Exceeded maximum concurrency limit: 3 for key: api:query:per-org:1 and task: x',
        ),
      ),
    )
    expect(older.rateLimitKind).toBe('concurrency')
  })

  it('tells PostHog timeouts, slow and memory errors apart (TV14, 512, 513, old 504 memory text)', () => {
    expect(
      classifyHttpError(
        failure(504, drf('server_error', 'error', 'Query has hit the max execution time before completing.')),
      ),
    ).toMatchObject({ code: 'timeout', timeoutSource: 'posthog' })
    expect(
      classifyHttpError(
        failure(512, drf('server_error', 'error', 'Estimated query execution time (34 seconds) is too long.')),
      ).code,
    ).toBe('query_too_slow')
    expect(
      classifyHttpError(
        failure(513, drf('server_error', 'clickhouse_memory_limit_exceeded', 'Query exceeds memory limits.')),
      ).code,
    ).toBe('query_memory')
    expect(
      classifyHttpError(failure(504, drf('server_error', 'error', 'Query has reached the max memory limit'))).code,
    ).toBe('query_memory')
  })

  it('reads 5xx as server with Retry-After, 402 as quota, and survives non-JSON bodies', () => {
    const unavailable = classifyHttpError(
      failure(503, drf('server_error', 'database_unavailable', 'Database unavailable'), { retryAfter: '1' }),
    )
    expect(unavailable).toMatchObject({ code: 'server', retryAfterMs: 1000, status: 503 })
    expect(classifyHttpError(failure(402, drf('server_error', 'api_queries_quota_exceeded', 'quota'))).code).toBe(
      'quota',
    )
    expect(classifyHttpError(failure(502, '<html>bad gateway</html>')).code).toBe('server')
  })
})
