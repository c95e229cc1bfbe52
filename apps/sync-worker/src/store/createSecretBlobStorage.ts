import type { SecretBlobStorage } from '@statisfy/posthog-sdk/server'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

/**
 * The bytes under `createSealingSecretStore`: the `secrets` table, sealed bytes as base64 text (text reads alike on
 * SQLite and PostgreSQL, where a blob and a `bytea` would not). Only sealed bytes are stored, never the key.
 * @example createSealingSecretStore({ keys, currentKeyId, storage: createSecretBlobStorage(database.db) })
 */
export function createSecretBlobStorage(db: Kysely<Database>): SecretBlobStorage {
  return {
    async get(slot) {
      const row = await db.selectFrom('secrets').select('sealed').where('slot', '=', slot).executeTakeFirst()
      return row ? new Uint8Array(Buffer.from(row.sealed, 'base64')) : null
    },
    async set(slot, bytes) {
      const sealed = Buffer.from(bytes).toString('base64')
      await db
        .insertInto('secrets')
        .values({ slot, sealed })
        .onConflict((conflict) => conflict.column('slot').doUpdateSet({ sealed }))
        .execute()
    },
    async delete(slot) {
      await db.deleteFrom('secrets').where('slot', '=', slot).execute()
    },
    async slots() {
      const rows = await db.selectFrom('secrets').select('slot').execute()
      // Sorted here, not by the database, so the order is the same on both dialects' collations.
      return rows.map((row) => row.slot).sort()
    },
  }
}
