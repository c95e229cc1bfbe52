import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createSecretBlobStorage } from './createSecretBlobStorage'

describe.each(dialects)('createSecretBlobStorage on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('keeps bytes exactly (every byte value), as base64 text, and lists and deletes slots', async () => {
    const storage = createSecretBlobStorage(database.db)
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    await storage.set('acme/key', bytes)
    await storage.set('globex/key', new Uint8Array([1, 2, 3]))
    expect(await storage.get('acme/key')).toEqual(bytes)
    const row = await database.db
      .selectFrom('secrets')
      .select('sealed')
      .where('slot', '=', 'acme/key')
      .executeTakeFirst()
    expect(row?.sealed).toBe(Buffer.from(bytes).toString('base64'))
    await storage.set('acme/key', new Uint8Array([9]))
    expect(await storage.get('acme/key')).toEqual(new Uint8Array([9]))
    expect(await storage.slots()).toEqual(['acme/key', 'globex/key'])
    await storage.delete('acme/key')
    await storage.delete('acme/key')
    expect(await storage.get('acme/key')).toBeNull()
    expect(await storage.slots()).toEqual(['globex/key'])
  })
})
