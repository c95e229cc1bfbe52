import type { SecretStore } from '../ports/SecretStore'
import { SecretStoreError, SecretStoreErrorCode } from './SecretStoreError'

/** Bytes-level storage for sealed secrets (a table with a `bytea`/`blob` column, a KV store). */
export interface SecretBlobStorage {
  get(slot: string): Promise<Uint8Array | null>
  set(slot: string, bytes: Uint8Array): Promise<void>
  delete(slot: string): Promise<void>
  /** Every slot, for {@link SealingSecretStore.reseal}. */
  slots(): Promise<string[]>
}

/** A 256-bit sealing key with its id. */
export interface SealingKey {
  /** Stored with every sealed secret so the right key opens it after rotation. 1 to 64 ASCII characters. */
  id: string
  /** 32 bytes, raw or base64 (`openssl rand -base64 32`). */
  key: Uint8Array | string
}

/** Options of {@link createSealingSecretStore}. */
export interface SealingSecretStoreOptions {
  /** Every key that may have sealed a stored secret: the current one and those being retired. */
  keys: readonly SealingKey[]
  /** The key new secrets are sealed with. */
  currentKeyId: string
  /** Where sealed bytes are persisted. */
  storage: SecretBlobStorage
}

/** A {@link SecretStore} that seals with AES-256-GCM, plus key rotation. */
export interface SealingSecretStore extends SecretStore {
  /**
   * Re-seals every secret not sealed with the current key; run after adding a new current key, then retire the
   * old key once this resolves.
   */
  reseal(): Promise<{ resealed: number; total: number }>
}

const FORMAT_V1 = 1
const IV_BYTES = 12
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * A {@link SecretStore} that seals each secret with AES-256-GCM (WebCrypto `crypto.subtle`, so it runs in Node,
 * browsers-free edge runtimes and Deno alike) before handing bytes to `storage`. Each sealed value records its key
 * id and is bound to its tenant and name (additional authenticated data), so a sealed value copied into another
 * tenant's slot does not open. Rotation: seal with `currentKeyId`, open with any listed key, `reseal()` to move
 * everything to the current key.
 *
 * @example
 * const secrets = createSealingSecretStore({
 *   keys: [{ id: '2026-01', key: process.env.POSTHOG_SEALING_KEY! }],
 *   currentKeyId: '2026-01',
 *   storage: myBlobTable,
 * })
 */
export function createSealingSecretStore(options: SealingSecretStoreOptions): SealingSecretStore {
  const keys = new Map<string, Promise<CryptoKey>>()
  for (const { id, key } of options.keys) {
    if (!/^[\x21-\x7e]{1,64}$/.test(id)) {
      throw new SecretStoreError(
        SecretStoreErrorCode.InvalidKey,
        `Sealing key id "${id}" must be 1 to 64 printable ASCII characters.`,
      )
    }
    const bytes = typeof key === 'string' ? fromBase64(key, id) : key
    if (bytes.byteLength !== 32) {
      throw new SecretStoreError(
        SecretStoreErrorCode.InvalidKey,
        `Sealing key "${id}" is ${bytes.byteLength} bytes; AES-256 needs 32 (generate one with: openssl rand -base64 32).`,
      )
    }
    keys.set(id, crypto.subtle.importKey('raw', bytes.slice(), 'AES-GCM', false, ['encrypt', 'decrypt']))
  }
  if (!keys.has(options.currentKeyId)) {
    throw new SecretStoreError(
      SecretStoreErrorCode.InvalidKey,
      `currentKeyId "${options.currentKeyId}" is not among the keys.`,
    )
  }
  const { storage, currentKeyId } = options

  async function seal(slot: string, plaintext: string): Promise<Uint8Array> {
    const key = await (keys.get(currentKeyId) as Promise<CryptoKey>)
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(slot) },
        key,
        encoder.encode(plaintext),
      ),
    )
    const id = encoder.encode(currentKeyId)
    const out = new Uint8Array(2 + id.byteLength + IV_BYTES + sealed.byteLength)
    out[0] = FORMAT_V1
    out[1] = id.byteLength
    out.set(id, 2)
    out.set(iv, 2 + id.byteLength)
    out.set(sealed, 2 + id.byteLength + IV_BYTES)
    return out
  }

  function header(bytes: Uint8Array): { keyId: string; iv: Uint8Array<ArrayBuffer>; sealed: Uint8Array<ArrayBuffer> } {
    const idLength = bytes[1] ?? 0
    if (bytes[0] !== FORMAT_V1 || bytes.byteLength < 2 + idLength + IV_BYTES + 16) {
      throw new SecretStoreError(
        SecretStoreErrorCode.SealBroken,
        'A sealed secret is not in a format this store wrote.',
      )
    }
    return {
      keyId: decoder.decode(bytes.subarray(2, 2 + idLength)),
      iv: new Uint8Array(bytes.subarray(2 + idLength, 2 + idLength + IV_BYTES)),
      sealed: new Uint8Array(bytes.subarray(2 + idLength + IV_BYTES)),
    }
  }

  async function open(slot: string, bytes: Uint8Array): Promise<string> {
    const { keyId, iv, sealed } = header(bytes)
    const key = keys.get(keyId)
    if (!key) {
      throw new SecretStoreError(
        SecretStoreErrorCode.UnknownKeyId,
        `A secret is sealed with key "${keyId}", which this store was not given; add it back to keys until reseal() has run.`,
      )
    }
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(slot) },
        await key,
        sealed,
      )
      return decoder.decode(plain)
    } catch (cause) {
      throw new SecretStoreError(
        SecretStoreErrorCode.SealBroken,
        'A sealed secret did not authenticate: it was corrupted, altered, or copied from another slot.',
        { cause },
      )
    }
  }

  return {
    async put(tenantId, name, value) {
      const slot = slotOf(tenantId, name)
      await storage.set(slot, await seal(slot, value))
    },
    async get(tenantId, name) {
      const slot = slotOf(tenantId, name)
      const bytes = await storage.get(slot)
      return bytes ? open(slot, bytes) : null
    },
    async delete(tenantId, name) {
      await storage.delete(slotOf(tenantId, name))
    },
    async reseal() {
      const slots = await storage.slots()
      let resealed = 0
      for (const slot of slots) {
        const bytes = await storage.get(slot)
        if (!bytes || header(bytes).keyId === currentKeyId) continue
        await storage.set(slot, await seal(slot, await open(slot, bytes)))
        resealed++
      }
      return { resealed, total: slots.length }
    },
  }
}

/** The storage slot of a tenant's secret: both parts URI-encoded so no two (tenant, name) pairs share a slot. */
function slotOf(tenantId: string, name: string): string {
  return `${encodeURIComponent(tenantId)}/${encodeURIComponent(name)}`
}

function fromBase64(text: string, id: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text.trim().replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
  } catch (cause) {
    throw new SecretStoreError(SecretStoreErrorCode.InvalidKey, `Sealing key "${id}" is not valid base64.`, { cause })
  }
}
