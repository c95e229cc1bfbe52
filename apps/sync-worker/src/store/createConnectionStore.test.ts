import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createConnectionStore } from './createConnectionStore'

describe.each(dialects)('createConnectionStore on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  const connection = {
    apiHost: 'https://eu.posthog.com',
    projectId: 12345,
    keyHint: 'phx_…a1b2',
    updatedAt: '2026-06-01T00:00:00.000Z',
  }

  it('puts, replaces, gets and deletes one connection per tenant', async () => {
    const connections = createConnectionStore(database.db)
    expect(await connections.get('acme')).toBeNull()
    await connections.put('acme', connection)
    await connections.put('globex', { ...connection, projectId: 7 })
    expect(await connections.get('acme')).toEqual(connection)
    // Project ids are bigint columns: they come back as numbers on PostgreSQL too.
    const moved = { ...connection, apiHost: 'https://us.posthog.com', projectId: 2 ** 40, keyHint: 'phx_…c3d4' }
    await connections.put('acme', moved)
    expect(await connections.get('acme')).toEqual(moved)
    expect(await connections.delete('acme')).toBe(true)
    expect(await connections.delete('acme')).toBe(false)
    expect(await connections.get('acme')).toBeNull()
    expect(await connections.get('globex')).toMatchObject({ projectId: 7 })
  })
})
