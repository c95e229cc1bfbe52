import { describe, expect, it } from 'vitest'
import { createMemorySecretBlobStorage } from './createMemorySecretBlobStorage'
import { createSealingSecretStore } from './createSealingSecretStore'

const keyA = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const keyB = crypto.getRandomValues(new Uint8Array(32))
const secret = 'phx_SuperSecretKey0123456789abcdef'

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

describe('createSealingSecretStore', () => {
  it('round-trips a secret and never persists its plaintext (in UTF-8, UTF-16 or base64)', async () => {
    const storage = createMemorySecretBlobStorage()
    const store = createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'a', storage })
    await store.put('tenant-1', 'posthog', secret)
    expect(await store.get('tenant-1', 'posthog')).toBe(secret)

    const raw = [...storage.raw.values()]
    expect(raw).toHaveLength(1)
    const bytes = raw[0] as Uint8Array
    const utf16 = new Uint8Array([...secret].flatMap((c) => [c.charCodeAt(0), 0]))
    expect(contains(bytes, new TextEncoder().encode(secret))).toBe(false)
    expect(contains(bytes, new TextEncoder().encode(secret.slice(4, 20)))).toBe(false)
    expect(contains(bytes, utf16)).toBe(false)
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain(btoa(secret).slice(0, 16))
  })

  it('seals the same secret differently each time (random IV)', async () => {
    const storage = createMemorySecretBlobStorage()
    const store = createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'a', storage })
    await store.put('t', 'k', secret)
    const first = storage.raw.get('t/k')?.slice()
    await store.put('t', 'k', secret)
    expect(storage.raw.get('t/k')).not.toEqual(first)
  })

  it('binds a sealed value to its tenant: copied into another slot it does not open', async () => {
    const storage = createMemorySecretBlobStorage()
    const store = createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'a', storage })
    await store.put('tenant-a', 'posthog', secret)
    await storage.set('tenant-b/posthog', storage.raw.get('tenant-a/posthog') as Uint8Array)
    await expect(store.get('tenant-b', 'posthog')).rejects.toMatchObject({ code: 'seal_broken' })
    expect(await store.get('tenant-c', 'posthog')).toBeNull()
  })

  it('detects a flipped bit', async () => {
    const storage = createMemorySecretBlobStorage()
    const store = createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'a', storage })
    await store.put('t', 'k', secret)
    const bytes = storage.raw.get('t/k') as Uint8Array
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1
    await storage.set('t/k', bytes)
    await expect(store.get('t', 'k')).rejects.toMatchObject({ code: 'seal_broken' })
  })

  it('rotates: opens with any known key, reseals with the current one, then the old key can go', async () => {
    const storage = createMemorySecretBlobStorage()
    const old = createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'a', storage })
    await old.put('t1', 'k', secret)
    await old.put('t2', 'k', `${secret}2`)

    const both = createSealingSecretStore({
      keys: [
        { id: 'a', key: keyA },
        { id: 'b', key: keyB },
      ],
      currentKeyId: 'b',
      storage,
    })
    expect(await both.get('t1', 'k')).toBe(secret)
    await both.put('t3', 'k', `${secret}3`)
    expect(await both.reseal()).toEqual({ resealed: 2, total: 3 })
    expect(await both.reseal()).toEqual({ resealed: 0, total: 3 })

    const onlyNew = createSealingSecretStore({ keys: [{ id: 'b', key: keyB }], currentKeyId: 'b', storage })
    expect(await onlyNew.get('t2', 'k')).toBe(`${secret}2`)
    const onlyOld = createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'a', storage })
    await expect(onlyOld.get('t1', 'k')).rejects.toMatchObject({ code: 'unknown_key_id' })
  })

  it('refuses keys that are not 256-bit and a current key id it does not have', () => {
    const storage = createMemorySecretBlobStorage()
    expect(() =>
      createSealingSecretStore({ keys: [{ id: 'a', key: btoa('short') }], currentKeyId: 'a', storage }),
    ).toThrow(/32/)
    expect(() => createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'z', storage })).toThrow(
      /currentKeyId/,
    )
  })

  it('deletes', async () => {
    const storage = createMemorySecretBlobStorage()
    const store = createSealingSecretStore({ keys: [{ id: 'a', key: keyA }], currentKeyId: 'a', storage })
    await store.put('t', 'k', secret)
    await store.delete('t', 'k')
    expect(await store.get('t', 'k')).toBeNull()
    expect(storage.raw.size).toBe(0)
  })
})
