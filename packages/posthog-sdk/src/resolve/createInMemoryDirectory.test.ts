import { describe, expect, it } from 'vitest'
import type { DirectoryAccount } from './AccountDirectory'
import { buildAccountIndex } from './buildAccountIndex'
import { createInMemoryDirectory } from './createInMemoryDirectory'

describe('createInMemoryDirectory', () => {
  it('streams every account, in batches, to the index', async () => {
    const accounts: DirectoryAccount[] = Array.from({ length: 2_500 }, (_, i) => ({
      id: `acc_${i}`,
      name: `Company ${i}`,
      domains: [`company-${i}.example.com`],
    }))
    const batches: number[] = []
    for await (const item of createInMemoryDirectory(accounts).accounts())
      batches.push(Array.isArray(item) ? item.length : 1)
    expect(batches.reduce((a, b) => a + b, 0)).toBe(2_500)
    expect(batches.length).toBeGreaterThan(1)

    const index = await buildAccountIndex(createInMemoryDirectory(accounts), {
      resolvers: ['email_domain', 'statisfy_id'],
    })
    expect(index.stats.accounts).toBe(2_500)
    expect(index.resolve('email_domain', 'ops@company-2499.example.com')).toMatchObject({
      status: 'matched',
      accountId: 'acc_2499',
    })
    expect(index.resolve('statisfy_id', 'acc_0')).toMatchObject({ status: 'matched', accountId: 'acc_0' })
  })
})
