import type { SecretBlobStorage } from './createSealingSecretStore'

/** A {@link SecretBlobStorage} in memory, exposing the raw bytes so tests can check what would be persisted. */
export interface MemorySecretBlobStorage extends SecretBlobStorage {
  /** The stored bytes by slot, exactly as a database would hold them. */
  readonly raw: ReadonlyMap<string, Uint8Array>
}

/** Creates a {@link MemorySecretBlobStorage}. */
export function createMemorySecretBlobStorage(): MemorySecretBlobStorage {
  const raw = new Map<string, Uint8Array>()
  return {
    raw,
    async get(slot) {
      const bytes = raw.get(slot)
      return bytes ? bytes.slice() : null
    },
    async set(slot, bytes) {
      raw.set(slot, bytes.slice())
    },
    async delete(slot) {
      raw.delete(slot)
    },
    async slots() {
      return [...raw.keys()]
    },
  }
}
