import { describe, expect, it } from 'vitest'
import { clientOf, useEmulator } from './emulatorFixture'

const emulator = useEmulator()

describe('testConnection (TV19)', () => {
  it('a full key: connected, with project name, time zone and the key scopes', async () => {
    const result = await clientOf(emulator()).testConnection()
    expect(result).toMatchObject({
      status: 'connected',
      project: { id: 12345, name: expect.any(String), timezone: 'UTC' },
      keyScopes: ['*'],
      scopes: { 'query:read': 'granted', 'project:read': 'granted', 'personal_api_key:read': 'granted' },
      error: null,
    })
  })

  it('reports the project time zone of a non-UTC project', async () => {
    const result = await clientOf(emulator(), { projectId: emulator().projects.berlin }).testConnection()
    expect(result.project?.timezone).toBe('Europe/Berlin')
  })

  it('a query-only key still connects; what it cannot read is reported, not guessed', async () => {
    const result = await clientOf(emulator(), { personalApiKey: emulator().keys.queryOnly }).testConnection()
    expect(result.status).toBe('connected')
    expect(result.project).toBeNull()
    expect(result.scopes['query:read']).toBe('granted')
    expect(result.scopes['project:read']).toBe('missing')
    expect(['missing', 'unknown']).toContain(result.scopes['personal_api_key:read'])
    expect(result.error).toBeNull()
  })

  it('a key without query:read fails and names the scope', async () => {
    const result = await clientOf(emulator(), { personalApiKey: emulator().keys.noQuery }).testConnection()
    expect(result.status).toBe('failed')
    expect(result.project?.name).toEqual(expect.any(String))
    expect(result.scopes['query:read']).toBe('missing')
    expect(result.error).toMatchObject({ code: 'permission', requiredScope: 'query:read' })
  })

  it('a revoked key fails with authentication', async () => {
    const result = await clientOf(emulator(), { personalApiKey: emulator().keys.revoked }).testConnection()
    expect(result).toMatchObject({ status: 'failed', error: { code: 'authentication' } })
  })

  it('a key limited to another project fails with permission', async () => {
    const result = await clientOf(emulator(), { personalApiKey: emulator().keys.otherProject }).testConnection()
    expect(result).toMatchObject({ status: 'failed', error: { code: 'permission' } })
  })

  it('an unknown project fails with project_not_found', async () => {
    const result = await clientOf(emulator(), { projectId: 999_999 }).testConnection()
    expect(result).toMatchObject({ status: 'failed', error: { code: 'project_not_found' } })
  })

  it('a project secret key connects through the HogQLMetadata probe', async () => {
    const result = await clientOf(emulator(), { personalApiKey: emulator().keys.projectSecret }).testConnection()
    expect(result.status).toBe('connected')
    expect(result.scopes['query:read']).toBe('granted')
  })
})
