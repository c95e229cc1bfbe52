import type { AccountDirectory, DirectoryAccount } from './AccountDirectory'

const BATCH = 1000

/**
 * An {@link AccountDirectory} over an array, for tests, examples and hosts whose accounts are already in memory.
 *
 * @example const directory = createInMemoryDirectory([{ id: 'acc_1', name: 'Acme Inc.', domains: ['acme.com'] }])
 */
export function createInMemoryDirectory(accounts: readonly DirectoryAccount[]): AccountDirectory {
  return {
    async *accounts() {
      for (let start = 0; start < accounts.length; start += BATCH) yield accounts.slice(start, start + BATCH)
    },
  }
}
