import { randomBytes } from 'node:crypto'
import { isSecretStoreError } from '@statisfy/posthog-sdk/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createWorkerSecretStore } from './createWorkerSecretStore'

describe.each(dialects)('createWorkerSecretStore on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('seals secrets in the secrets table and opens them only with the key', async () => {
    const key = randomBytes(32)
    const secrets = createWorkerSecretStore(database.db, new Uint8Array(key))
    await secrets.put('acme', 'posthog_key', 'phx_secret_value')
    expect(await secrets.get('acme', 'posthog_key')).toBe('phx_secret_value')
    expect(await secrets.get('globex', 'posthog_key')).toBeNull()
    const rows = await database.db.selectFrom('secrets').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(Buffer.from(rows[0]?.sealed ?? '', 'base64').toString('latin1')).not.toContain('phx_secret_value')
    // The same key as base64 (how the environment gives it) opens it; another key does not.
    expect(await createWorkerSecretStore(database.db, key.toString('base64')).get('acme', 'posthog_key')).toBe(
      'phx_secret_value',
    )
    const wrong = await createWorkerSecretStore(database.db, new Uint8Array(randomBytes(32)))
      .get('acme', 'posthog_key')
      .catch((e: unknown) => e)
    expect(isSecretStoreError(wrong)).toBe(true)
    await secrets.delete('acme', 'posthog_key')
    expect(await secrets.get('acme', 'posthog_key')).toBeNull()
  })

  it('rotates: reseals every secret with the new current key', async () => {
    const old = { id: 'k1', key: new Uint8Array(randomBytes(32)) }
    const next = { id: 'k2', key: new Uint8Array(randomBytes(32)) }
    await createWorkerSecretStore(database.db, { keys: [old], currentKeyId: 'k1' }).put('acme', 'posthog_key', 'phx_1')
    const both = createWorkerSecretStore(database.db, { keys: [old, next], currentKeyId: 'k2' })
    expect(await both.reseal()).toEqual({ resealed: 1, total: 1 })
    expect(
      await createWorkerSecretStore(database.db, { keys: [next], currentKeyId: 'k2' }).get('acme', 'posthog_key'),
    ).toBe('phx_1')
  })

  it('refuses a key that is not 32 bytes when it is created', () => {
    expect(() => createWorkerSecretStore(database.db, new Uint8Array(16))).toThrow(/32/)
  })
})
