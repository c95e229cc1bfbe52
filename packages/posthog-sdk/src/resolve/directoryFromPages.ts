import type { AccountDirectory, DirectoryAccount } from './AccountDirectory'

/** One page of a host's account listing. */
export interface DirectoryPage {
  accounts: readonly DirectoryAccount[]
  /** The cursor of the next page; absent, `null` or `undefined` on the last page. */
  nextCursor?: string | null
}

/**
 * An {@link AccountDirectory} over a paged listing: calls `listPage(undefined)`, then `listPage(nextCursor)` until a
 * page has no `nextCursor`, yielding each page's accounts as one batch as pages arrive.
 *
 * @example
 * const directory = directoryFromPages((cursor, { signal }) => crm.listAccounts({ cursor, limit: 1000, signal }))
 */
export function directoryFromPages(
  listPage: (cursor: string | undefined, options: { signal?: AbortSignal }) => Promise<DirectoryPage>,
): AccountDirectory {
  return {
    async *accounts(options = {}) {
      let cursor: string | undefined
      do {
        const page = await listPage(cursor, options)
        yield page.accounts
        cursor = page.nextCursor ?? undefined
      } while (cursor !== undefined)
    },
  }
}
