import { describe, expect, it } from 'vitest'
import { createGoogleSecretManagerStore, type GoogleSecretManagerClientLike } from './createGoogleSecretManagerStore'

/** A fake of Secret Manager's semantics: secrets must exist before versions; gRPC codes on errors. */
function fakeSecretManager() {
  const secrets = new Map<string, Uint8Array[]>()
  const calls: string[] = []
  const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code })
  const client: GoogleSecretManagerClientLike = {
    async createSecret({ parent, secretId }) {
      calls.push(`create ${secretId}`)
      const name = `${parent}/secrets/${secretId}`
      if (!/^[A-Za-z0-9_-]{1,255}$/.test(secretId)) throw grpcError(3, 'invalid secret id')
      if (secrets.has(name)) throw grpcError(6, 'ALREADY_EXISTS')
      secrets.set(name, [])
      return [{ name }]
    },
    async addSecretVersion({ parent, payload }) {
      calls.push('add')
      const versions = secrets.get(parent)
      if (!versions) throw grpcError(5, 'NOT_FOUND')
      versions.push(payload.data)
      return [{}]
    },
    async accessSecretVersion({ name }) {
      const secret = name.replace(/\/versions\/latest$/, '')
      const latest = secrets.get(secret)?.at(-1)
      if (!latest) throw grpcError(5, 'NOT_FOUND')
      return [{ payload: { data: latest } }]
    },
    async deleteSecret({ name }) {
      if (!secrets.delete(name)) throw grpcError(5, 'NOT_FOUND')
      return [{}]
    },
  }
  return { client, secrets, calls }
}

describe('createGoogleSecretManagerStore', () => {
  it('creates one secret per tenant and name, adds versions, reads the latest', async () => {
    const fake = fakeSecretManager()
    const store = createGoogleSecretManagerStore({ client: fake.client, projectId: 'statisfy-test' })
    await store.put('tenant/1', 'posthog', 'phx_first_key_value')
    await store.put('tenant/1', 'posthog', 'phx_second_key_value')
    await store.put('tenant-2', 'posthog', 'phx_other_tenant_key')
    expect(await store.get('tenant/1', 'posthog')).toBe('phx_second_key_value')
    expect(await store.get('tenant-2', 'posthog')).toBe('phx_other_tenant_key')
    expect(fake.secrets.size).toBe(2)
    expect(
      [...fake.secrets.keys()].every((name) => name.startsWith('projects/statisfy-test/secrets/statisfy-posthog_')),
    ).toBe(true)
  })

  it('answers null for a missing secret and deletes idempotently', async () => {
    const fake = fakeSecretManager()
    const store = createGoogleSecretManagerStore({ client: fake.client, projectId: 'p' })
    expect(await store.get('t', 'posthog')).toBeNull()
    await store.put('t', 'posthog', 'phx_value_here_12')
    await store.delete('t', 'posthog')
    await store.delete('t', 'posthog')
    expect(await store.get('t', 'posthog')).toBeNull()
  })

  it('reports backend failures with a code and without the secret', async () => {
    const fake = fakeSecretManager()
    const denied = Object.assign(new Error('PERMISSION_DENIED'), { code: 7 })
    const store = createGoogleSecretManagerStore({
      client: {
        ...fake.client,
        addSecretVersion: async () => {
          throw denied
        },
      },
      projectId: 'p',
    })
    const error = await store.put('t', 'posthog', 'phx_should_not_leak_123').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'backend_failed' })
    expect((error as Error).message).not.toContain('phx_should_not_leak_123')
  })
})
