import { describe, expect, it } from 'vitest'
import { createGoogleSecretManagerStore, type GoogleSecretManagerClientLike } from './createGoogleSecretManagerStore'

interface FakeVersion {
  name: string
  data: Uint8Array
  state: 'ENABLED' | 'DISABLED'
}

/**
 * A fake of Secret Manager's semantics: secrets must exist before versions; versions are numbered from 1;
 * `versions/latest` is the most recently created version, and a disabled version cannot be accessed
 * (FAILED_PRECONDITION); `state:ENABLED` filters the listing; gRPC codes on errors.
 */
function fakeSecretManager() {
  const secrets = new Map<string, FakeVersion[]>()
  const calls: string[] = []
  const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code })
  const versionOf = (name: string) => {
    const [, secret = '', id = ''] = /^(.*)\/versions\/([^/]+)$/.exec(name) ?? []
    const versions = secrets.get(secret)
    return id === 'latest' ? versions?.at(-1) : versions?.find((v) => v.name === name)
  }
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
      const version: FakeVersion = {
        name: `${parent}/versions/${versions.length + 1}`,
        data: payload.data,
        state: 'ENABLED',
      }
      versions.push(version)
      return [{ name: version.name }]
    },
    async accessSecretVersion({ name }) {
      const version = versionOf(name)
      if (!version) throw grpcError(5, 'NOT_FOUND')
      if (version.state !== 'ENABLED') throw grpcError(9, `${version.name} is in DISABLED state`)
      return [{ payload: { data: version.data } }]
    },
    async listSecretVersions({ parent, filter }) {
      calls.push(`list ${filter ?? ''}`)
      const versions = secrets.get(parent)
      if (!versions) throw grpcError(5, 'NOT_FOUND')
      const listed = filter === 'state:ENABLED' ? versions.filter((v) => v.state === 'ENABLED') : versions
      // Secret Manager lists newest first.
      return [listed.map(({ name, state }) => ({ name, state })).reverse()]
    },
    async disableSecretVersion({ name }) {
      calls.push(`disable ${name.slice(name.lastIndexOf('/') + 1)}`)
      const version = versionOf(name)
      if (!version) throw grpcError(5, 'NOT_FOUND')
      version.state = 'DISABLED'
      return [{ name, state: 'DISABLED' }]
    },
    async deleteSecret({ name }) {
      if (!secrets.delete(name)) throw grpcError(5, 'NOT_FOUND')
      return [{}]
    },
  }
  return { client, secrets, calls }
}

const readable = (fake: ReturnType<typeof fakeSecretManager>) =>
  [...fake.secrets.values()].flat().map((v) => [v.name.slice(v.name.lastIndexOf('/') + 1), v.state])

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

  it('disables the older versions when a secret is set again, so a rotated-out key cannot be read back', async () => {
    const fake = fakeSecretManager()
    const store = createGoogleSecretManagerStore({ client: fake.client, projectId: 'p' })
    await store.put('t', 'posthog', 'phx_first_key_value')
    expect(readable(fake)).toEqual([['1', 'ENABLED']])
    await store.put('t', 'posthog', 'phx_second_key_value')
    await store.put('t', 'posthog', 'phx_third_key_value')
    expect(readable(fake)).toEqual([
      ['1', 'DISABLED'],
      ['2', 'DISABLED'],
      ['3', 'ENABLED'],
    ])
    expect(await store.get('t', 'posthog')).toBe('phx_third_key_value')
    const [secret] = fake.secrets.keys()
    await expect(fake.client.accessSecretVersion({ name: `${secret}/versions/1` })).rejects.toMatchObject({ code: 9 })
    // Only versions still enabled are disabled: the first is not disabled twice.
    expect(fake.calls.filter((call) => call.startsWith('disable'))).toEqual(['disable 1', 'disable 2'])
  })

  it('keeps the newest version readable when another writer adds one at the same time', async () => {
    const fake = fakeSecretManager()
    const store = createGoogleSecretManagerStore({ client: fake.client, projectId: 'p' })
    await store.put('t', 'posthog', 'phx_first_key_value')
    // Another writer adds version 3 while this put, which added version 2, lists the versions.
    const racing: GoogleSecretManagerClientLike = {
      ...fake.client,
      async listSecretVersions(request) {
        await fake.client.addSecretVersion({ parent: request.parent, payload: { data: new TextEncoder().encode('x') } })
        return fake.client.listSecretVersions(request)
      },
    }
    await createGoogleSecretManagerStore({ client: racing, projectId: 'p' }).put('t', 'posthog', 'phx_second_value')
    expect(readable(fake)).toEqual([
      ['1', 'DISABLED'],
      ['2', 'DISABLED'],
      ['3', 'ENABLED'],
    ])
    expect(await store.get('t', 'posthog')).toBe('x')
  })

  it('says the new value is stored but older versions stay readable when disabling them is not permitted', async () => {
    const fake = fakeSecretManager()
    const denied = Object.assign(new Error('PERMISSION_DENIED'), { code: 7 })
    const client = {
      ...fake.client,
      disableSecretVersion: async () => {
        throw denied
      },
    }
    const store = createGoogleSecretManagerStore({ client, projectId: 'p' })
    await store.put('t', 'posthog', 'phx_first_key_value')
    const error = await store.put('t', 'posthog', 'phx_second_key_value').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'backend_failed', cause: denied })
    expect((error as Error).message).toContain('roles/secretmanager.secretVersionManager')
    expect((error as Error).message).toContain('older versions stay readable')
    expect((error as Error).message).not.toContain('phx_')
    expect(await store.get('t', 'posthog')).toBe('phx_second_key_value')
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
