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
  /** Poll while a run is queued or running, in milliseconds; `false` to never poll. @default 5000 */
  pollWhileActiveMs?: number | false
}

/** Sync runs, newest first, paged by cursor (`fetchNextPage`). Polls while a run is still going. */
export function useRuns(
  options: UseRunsOptions = {},
): UseInfiniteQueryResult<InfiniteData<ListRunsResponse, string | undefined>, ApiError> {
  const { client } = usePostHogIntegration()
  const { queryId, limit, pollWhileActiveMs = 5000 } = options
  const filter = { ...(queryId ? { queryId } : {}), ...(limit ? { limit } : {}) }
  return useInfiniteQuery({
    queryKey: postHogQueryKeys.runs(filter),
    queryFn: ({ pageParam, signal }) =>
      client.listRuns({ ...filter, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) =>
      pollWhileActiveMs !== false &&
      query.state.data?.pages.some((p) => p.runs.some((r) => r.status === 'queued' || r.status === 'running'))
        ? pollWhileActiveMs
        : false,
  })
}
