import { createSealingSecretStore, type SealingKey, type SealingSecretStore } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import { createSecretBlobStorage } from './createSecretBlobStorage'

/** The id stored with every secret sealed by a single key given as bytes or base64. */
export const WORKER_SEALING_KEY_ID = 'worker'

/**
 * The worker's sealing key: 32 bytes (raw or base64) sealed under {@link WORKER_SEALING_KEY_ID}, or every key with the
 * current one's id, to rotate (seal with the new key, `reseal()`, then drop the old one).
 */
export type WorkerSealingKey = Uint8Array | string | { keys: readonly SealingKey[]; currentKeyId: string }

/**
 * The SDK's `createSealingSecretStore` (AES-256-GCM, each secret bound to its tenant and name) over the `secrets`
 * table. A wrong key fails here, at start-up, not at the first secret.
 * @example const secrets = createWorkerSecretStore(database.db, config.sealingKey)
 */
export function createWorkerSecretStore(db: Kysely<Database>, sealingKey: WorkerSealingKey): SealingSecretStore {
  const keys =
    typeof sealingKey === 'string' || sealingKey instanceof Uint8Array
      ? { keys: [{ id: WORKER_SEALING_KEY_ID, key: sealingKey }], currentKeyId: WORKER_SEALING_KEY_ID }
      : sealingKey
  return createSealingSecretStore({ ...keys, storage: createSecretBlobStorage(db) })
}
