import type { AccountDirectory, DirectoryAccount } from './AccountDirectory'

/**
 * An {@link AccountDirectory} over an array, for tests, examples and hosts whose accounts are already in memory.
 *
 * @example const directory = createInMemoryDirectory([{ id: 'acc_1', name: 'Acme Inc.', domains: ['acme.com'] }])
 */
export function createInMemoryDirectory(accounts: readonly DirectoryAccount[]): AccountDirectory {
  return {
    async *accounts() {
      yield* accounts
    },
  }
}
