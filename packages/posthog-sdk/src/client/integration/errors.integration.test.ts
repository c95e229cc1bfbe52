import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { isPostHogClientError } from '../errors/PostHogClientError'
import { caught, clientOf, useEmulator } from './emulatorFixture'

const emulator = useEmulator()

describe('PostHog errors end in typed errors (never retried)', () => {
  it('TV4: syntax error', async () => {
    const error = await caught(clientOf(emulator()).query('selec event from events'))
    expect(isPostHogClientError(error, 'hogql_syntax')).toBe(true)
    expect(error).toMatchObject({ status: 400, attempts: undefined, hogql: 'selec event from events' })
  })

  it('TV5: unknown field', async () => {
    const error = await caught(clientOf(emulator()).query('select no_field from events'))
    expect(error).toMatchObject({ code: 'hogql_resolution', detail: expect.stringContaining('no_field') })
  })

  it('TV6: OFFSET refused for personal API keys, with the fix in the message', async () => {
    const error = await caught(
      clientOf(emulator()).query('select uuid from events order by timestamp limit 1000 offset 1000'),
    )
    expect(error).toMatchObject({ code: 'hogql_resolution', posthogCode: 'hogql_query_error' })
    expect((error as Error).message).toContain('{period_start}')
  })

  it('TV7: revoked key', async () => {
    const error = await caught(clientOf(emulator(), { personalApiKey: emulator().keys.revoked }).query('select 1'))
    expect(error).toMatchObject({ code: 'authentication', status: 401, posthogCode: 'authentication_failed' })
  })

  it('TV8: no credentials reaching PostHog (a proxy dropping the header)', async () => {
    const dropAuth: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers)
      headers.delete('Authorization')
      return fetch(input, { ...init, headers })
    }
    const error = await caught(clientOf(emulator(), { fetch: dropAuth }).query('select 1'))
    expect(error).toMatchObject({ code: 'authentication', posthogCode: 'not_authenticated' })
    expect((error as Error).message).toMatch(/No API key/)
  })

  it('TV9: key without query:read names the scope', async () => {
    const error = await caught(clientOf(emulator(), { personalApiKey: emulator().keys.noQuery }).query('select 1'))
    expect(error).toMatchObject({ code: 'permission', status: 403, requiredScope: 'query:read' })
  })

  it('TV10: key scoped to another project', async () => {
    const error = await caught(clientOf(emulator(), { personalApiKey: emulator().keys.otherProject }).query('select 1'))
    expect(error).toMatchObject({ code: 'permission', status: 403, requiredScope: undefined })
    expect((error as Error).message).toMatch(/project/)
  })

  it('TV11: unknown project', async () => {
    const error = await caught(clientOf(emulator(), { projectId: 999_999 }).query('select 1'))
    expect(error).toMatchObject({ code: 'project_not_found', status: 404 })
  })

  it('a host that is not PostHog', async () => {
    const error = await caught(clientOf(emulator(), { apiHost: `${emulator().url}/nothing-here` }).query('select 1'))
    expect(isPostHogClientError(error)).toBe(true)
    expect((error as { code: string }).code).not.toBe('network')
  })

  it('nothing listening: a network error after bounded retries, naming the cause', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise((resolve) => server.close(resolve))
    const started = Date.now()
    const error = await caught(clientOf(emulator(), { apiHost: `http://127.0.0.1:${port}` }).query('select 1'))
    expect(error).toMatchObject({ code: 'network', attempts: 4 })
    expect((error as Error).message).toContain('ECONNREFUSED')
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
