import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useImportedDataClient } from './ImportedDataContext'
import type { ImportedDataError } from './ImportedDataError'

/** TanStack Query keys of the imported data, under one root so a host can invalidate them all. */
export const importedDataKeys = {
  all: ['imported-data'] as const,
  summary: () => [...importedDataKeys.all, 'summary'] as const,
  accounts: () => [...importedDataKeys.all, 'accounts'] as const,
  account: (id: string) => [...importedDataKeys.all, 'account', id] as const,
  usage: (id: string) => [...importedDataKeys.all, 'account', id, 'usage'] as const,
  fields: (id: string) => [...importedDataKeys.all, 'account', id, 'fields'] as const,
  objects: (id: string) => [...importedDataKeys.all, 'account', id, 'objects'] as const,
}

/** The tenant's totals (accounts, imported rows). */
export function useImportedTotals() {
  const client = useImportedDataClient()
  return useQuery({ queryKey: importedDataKeys.summary(), queryFn: ({ signal }) => client.summary({ signal }) })
}

/** Accounts with their counts, a page at a time (`fetchNextPage` for Load more). */
export function useAccounts(pageSize = 50) {
  const client = useImportedDataClient()
  return useInfiniteQuery({
    queryKey: [...importedDataKeys.accounts(), pageSize],
    queryFn: ({ pageParam, signal }) =>
      client.accounts({ limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
}

/** One account with its counts and metrics. */
export function useAccount(accountId: string) {
  const client = useImportedDataClient()
  return useQuery<Awaited<ReturnType<typeof client.account>>, ImportedDataError>({
    queryKey: importedDataKeys.account(accountId),
    queryFn: ({ signal }) => client.account(accountId, { signal }),
  })
}

/** Every usage point of the account, up to the client's bound, with the runs that wrote them. */
export function useAccountUsage(accountId: string) {
  const client = useImportedDataClient()
  return useQuery({
    queryKey: importedDataKeys.usage(accountId),
    queryFn: ({ signal }) => client.allUsage(accountId, {}, { signal }),
  })
}

/** The account's custom field values, a page at a time. */
export function useAccountFields(accountId: string) {
  const client = useImportedDataClient()
  return useInfiniteQuery({
    queryKey: importedDataKeys.fields(accountId),
    queryFn: ({ pageParam, signal }) => client.fields(accountId, pageParam ? { cursor: pageParam } : {}, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
}

/** The account's custom object records, a page at a time. */
export function useAccountObjects(accountId: string) {
  const client = useImportedDataClient()
  return useInfiniteQuery({
    queryKey: importedDataKeys.objects(accountId),
    queryFn: ({ pageParam, signal }) => client.objects(accountId, pageParam ? { cursor: pageParam } : {}, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
}
