import { describe, expect, it } from 'vitest'
import type { DirectoryAccount } from './AccountDirectory'
import { buildAccountIndex } from './buildAccountIndex'
import { directoryFromPages } from './directoryFromPages'

describe('directoryFromPages', () => {
  it('follows cursors until a page has none, passing the signal along', async () => {
    const pages: Record<string, { accounts: DirectoryAccount[]; nextCursor?: string | null }> = {
      start: { accounts: [{ id: 'a', name: 'Alpha' }], nextCursor: 'p2' },
      p2: { accounts: [{ id: 'b', name: 'Beta' }], nextCursor: 'p3' },
      p3: { accounts: [{ id: 'c', name: 'Gamma' }], nextCursor: null },
    }
    const calls: (string | undefined)[] = []
    const signal = new AbortController().signal
    const directory = directoryFromPages(async (cursor, options) => {
      calls.push(cursor)
      expect(options.signal).toBe(signal)
      return pages[cursor ?? 'start']!
    })
    const index = await buildAccountIndex(directory, { resolvers: ['account_name'], signal })
    expect(calls).toEqual([undefined, 'p2', 'p3'])
    expect(index.stats.accounts).toBe(3)
    expect(index.resolve('account_name', 'gamma')).toMatchObject({ status: 'matched', accountId: 'c' })
  })
})
