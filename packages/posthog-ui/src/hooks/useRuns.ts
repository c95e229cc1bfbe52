import type { ApiError, ListRunsResponse } from '@statisfy/posthog-sdk'
import { type InfiniteData, type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Options of {@link useRuns}. */
export type UseRunsOptions = {
  /** Only the runs of this saved query. */
  queryId?: string
  /** Runs per page. @default 20 */
  limit?: number
  /**
   * Refetch the first page every N milliseconds (e.g. after "Run now", until the run appears: runs are listed
   * once they finish). @default false
   */
  pollMs?: number | false
}

/** Finished sync runs, newest first, paged by cursor (`fetchNextPage`). */
export function useRuns(
  options: UseRunsOptions = {},
): UseInfiniteQueryResult<InfiniteData<ListRunsResponse, string | undefined>, ApiError> {
  const { client } = usePostHogIntegration()
  const { queryId, limit, pollMs = false } = options
  const filter = { ...(queryId ? { queryId } : {}), ...(limit ? { limit } : {}) }
  return useInfiniteQuery({
    queryKey: postHogQueryKeys.runs(filter),
    queryFn: ({ pageParam, signal }) =>
      client.listRuns({ ...filter, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: pollMs,
  })
}
