import { type ApiError, isRunInFlight, isRunStalled, type ListRunsResponse } from '@statisfy/posthog-sdk'
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
   * Refetch every N milliseconds regardless of what is listed (e.g. after "Run now" with a scheduler that lists a
   * run only once it finishes, until it appears). @default false
   */
  pollMs?: number | false
  /**
   * Refetch every N milliseconds while a listed run is queued or running, so its progress and its end show; stops
   * once none is, and does not poll for runs the server serves as stalled (their worker has stopped; see the SDK's
   * `isRunStalled`). `false` to not. @default 2000
   */
  pollInFlightMs?: number | false
}

/**
 * Sync runs: those in flight (queued, running) first, then finished ones newest first, paged by cursor
 * (`fetchNextPage`). Polls while a run is in flight and not stalled.
 */
export function useRuns(
  options: UseRunsOptions = {},
): UseInfiniteQueryResult<InfiniteData<ListRunsResponse, string | undefined>, ApiError> {
  const { client } = usePostHogIntegration()
  const { queryId, limit, pollMs = false, pollInFlightMs = 2000 } = options
  const filter = { ...(queryId ? { queryId } : {}), ...(limit ? { limit } : {}) }
  return useInfiniteQuery({
    queryKey: postHogQueryKeys.runs(filter),
    queryFn: ({ pageParam, signal }) =>
      client.listRuns({ ...filter, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) => {
      if (pollMs !== false) return pollMs
      // A stalled run is not going: its worker stopped saving it, and polling every 2 s would go on for ever.
      // Every loaded page is checked, not only the first: stalled runs list first (in-flight, newest queued first)
      // until a host ends them, so they can fill the first page above a live run queued before them.
      const live =
        query.state.data?.pages.some((page) => page.runs.some((run) => isRunInFlight(run) && !isRunStalled(run))) ??
        false
      return live ? pollInFlightMs : false
    },
  })
}
