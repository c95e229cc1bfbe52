import { createHash } from 'node:crypto'
import { exampleCatalog } from '@statisfy/posthog-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { createTenantStore } from './createTenantStore'
import { isWorkerStoreError } from './WorkerStoreError'

describe.each(dialects)('createTenantStore on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('adds, updates, lists by id and switches tracking', async () => {
    const tenants = createTenantStore(database.db, { now: () => 1_700_000_000_000 })
    await tenants.put({ id: 'globex', name: 'Globex', trackingEnabled: true })
    await tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true })
    expect(await tenants.get('acme')).toEqual({
      id: 'acme',
      name: 'Acme',
      trackingEnabled: true,
      hasToken: false,
      createdAt: 1_700_000_000_000,
    })
    await tenants.put({ id: 'acme', name: 'Acme Inc.', trackingEnabled: false })
    expect(await tenants.get('acme')).toMatchObject({ name: 'Acme Inc.', trackingEnabled: false })
    await tenants.setTracking('acme', true)
    expect((await tenants.list()).map((t) => [t.id, t.trackingEnabled])).toEqual([
      ['acme', true],
      ['globex', true],
    ])
    expect(await tenants.get('initech')).toBeNull()
    await expect(tenants.setTracking('initech', false)).rejects.toThrow(/No tenant 'initech'/)
  })

  it('issues bearer tokens, stores only their SHA-256, finds the tenant by token and keeps it on update', async () => {
    const tenants = createTenantStore(database.db)
    await tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true })
    await tenants.put({ id: 'globex', name: 'Globex', trackingEnabled: true })
    const first = await tenants.issueToken('acme')
    expect(first).toMatch(/^sfw_[A-Za-z0-9_-]{32}$/)
    const row = await database.db.selectFrom('tenants').select('token_hash').where('id', '=', 'acme').executeTakeFirst()
    expect(row?.token_hash).toBe(createHash('sha256').update(first).digest('hex'))
    expect(await tenants.findByToken(first)).toMatchObject({ id: 'acme', hasToken: true })
    await tenants.put({ id: 'acme', name: 'Acme again', trackingEnabled: true })
    expect(await tenants.findByToken(first)).toMatchObject({ id: 'acme', name: 'Acme again' })
    // A new token replaces the old one.
    const second = await tenants.issueToken('acme')
    expect(second).not.toBe(first)
    expect(await tenants.findByToken(first)).toBeNull()
    expect(await tenants.findByToken(second)).toMatchObject({ id: 'acme' })
    expect(await tenants.findByToken('')).toBeNull()
    expect(await tenants.findByToken('sfw_nope')).toBeNull()
    expect(await tenants.findByToken(createHash('sha256').update(second).digest('hex'))).toBeNull()
    await expect(tenants.issueToken('initech')).rejects.toThrow(/No tenant 'initech'/)
  })

  it('keeps the catalog unless put names one, parsing it first', async () => {
    const tenants = createTenantStore(database.db)
    await tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true, catalog: exampleCatalog })
    await tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true })
    const stored = async () =>
      (await database.db.selectFrom('tenants').select('catalog').where('id', '=', 'acme').executeTakeFirst())?.catalog
    expect(JSON.parse((await stored()) ?? 'null')).toEqual(exampleCatalog)
    await tenants.put({ id: 'acme', name: 'Acme', trackingEnabled: true, catalog: null })
    expect(await stored()).toBeNull()
    const bad = { ...exampleCatalog, resolvers: ['telepathy'] } as never
    const error = await tenants
      .put({ id: 'acme', name: 'Acme', trackingEnabled: true, catalog: bad })
      .catch((e: unknown) => e)
    expect(isWorkerStoreError(error, 'invalid_value')).toBe(true)
    expect(String(error)).toMatch(/catalog for tenant 'acme' is not valid/)
  })

  it('refuses tenant ids that are not 1 to 64 letters, digits, _ or -', async () => {
    const tenants = createTenantStore(database.db)
    for (const id of ['', 'a b', 'acme/1', 'ä', 'x'.repeat(65), "acme'--"]) {
      const error = await tenants.put({ id, name: 'n', trackingEnabled: true }).catch((e: unknown) => e)
      expect(isWorkerStoreError(error, 'invalid_tenant_id')).toBe(true)
      expect(String(error)).toMatch(/1 to 64 letters, digits/)
    }
    await expect(tenants.get('a b')).rejects.toThrow(/not valid/)
    await tenants.put({ id: `A-z_0${'9'.repeat(59)}`, name: 'Long', trackingEnabled: true })
    expect(await tenants.list()).toHaveLength(1)
    await expect(tenants.put({ id: 'acme', name: '  ', trackingEnabled: true })).rejects.toThrow(/name/)
  })
})
