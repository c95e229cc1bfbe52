import type { DirectoryAccount } from '@statisfy/posthog-sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../../test/testDatabases'
import type { WorkerDatabase } from '../db/openDatabase'
import { ACCOUNT_BATCH_SIZE, createAccountStore } from './createAccountStore'

const account = (n: number): DirectoryAccount => ({
  id: `acc_${String(n).padStart(5, '0')}`,
  name: `Account ${n}`,
  domains: [`a${n}.example`],
  crmIds: n % 2 ? [`crm_${n}`] : [],
  orgIds: [`org_${n}`],
  customFields: { tier: n % 3 ? 'gold' : null, seats: n },
})

describe.each(dialects)('createAccountStore on %s', (kind) => {
  let database: WorkerDatabase
  beforeEach(async () => {
    database = await createTestDatabase(kind)
  })
  afterEach(() => database.close())

  it('upserts accounts by id (the last duplicate wins), lists and counts them per tenant', async () => {
    const accounts = createAccountStore(database.db)
    await accounts.upsertMany('acme', [account(2), account(1), { id: 'acc_00001', name: 'Renamed' }, account(3)])
    await accounts.upsertMany('globex', [account(9)])
    await accounts.upsertMany('acme', [])
    expect(await accounts.list('acme')).toEqual([
      { id: 'acc_00001', name: 'Renamed', domains: [], crmIds: [], orgIds: [], customFields: {} },
      account(2),
      account(3),
    ])
    await accounts.upsertMany('acme', [account(1)])
    expect((await accounts.list('acme'))[0]).toEqual(account(1))
    expect(await accounts.count('acme')).toBe(3)
    expect(await accounts.count('globex')).toBe(1)
    expect(await accounts.count('initech')).toBe(0)
  })

  it('writes all accounts or none', async () => {
    const accounts = createAccountStore(database.db)
    const many = Array.from({ length: 1200 }, (_, i) => account(i))
    // A null name fails the NOT NULL constraint in the third chunk: the first two roll back with it.
    many[1100] = { id: 'acc_bad', name: null as unknown as string }
    await expect(accounts.upsertMany('acme', many)).rejects.toThrow()
    expect(await accounts.count('acme')).toBe(0)
  })

  it('streams the directory in batches of 1000 in id order and stops when the signal aborts', async () => {
    const accounts = createAccountStore(database.db)
    const all = Array.from({ length: 2 * ACCOUNT_BATCH_SIZE + 5 }, (_, i) => account(i)).reverse()
    await accounts.upsertMany('acme', all)
    await accounts.upsertMany('globex', [account(1)])
    const sizes: number[] = []
    const ids: string[] = []
    for await (const batch of accounts.directory('acme').accounts()) {
      const list = Array.isArray(batch) ? batch : [batch]
      sizes.push(list.length)
      ids.push(...list.map((a: DirectoryAccount) => a.id))
    }
    expect(sizes).toEqual([1000, 1000, 5])
    expect(ids).toEqual(all.map((a) => a.id).sort())

    const controller = new AbortController()
    const seen: number[] = []
    const reading = (async () => {
      for await (const batch of accounts.directory('acme').accounts({ signal: controller.signal })) {
        seen.push(Array.isArray(batch) ? batch.length : 1)
        controller.abort(new Error('stop'))
      }
    })()
    await expect(reading).rejects.toThrow('stop')
    expect(seen).toEqual([1000])

    const empty: unknown[] = []
    for await (const batch of accounts.directory('initech').accounts()) empty.push(batch)
    expect(empty).toEqual([])
  })
})
