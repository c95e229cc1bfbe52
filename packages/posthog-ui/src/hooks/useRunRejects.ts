import type { ApiError, ListRunRejectsResponse } from '@statisfy/posthog-sdk'
import { type InfiniteData, type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** A run's rejected rows in row order, paged by cursor; `enabled: false` until the person opens them. */
export function useRunRejects(
  runId: string,
  options: { enabled?: boolean } = {},
): UseInfiniteQueryResult<InfiniteData<ListRunRejectsResponse, string | undefined>, ApiError> {
  const { client } = usePostHogIntegration()
  return useInfiniteQuery({
    queryKey: postHogQueryKeys.runRejects(runId),
    queryFn: ({ pageParam, signal }) =>
      client.listRunRejects(runId, pageParam ? { cursor: pageParam } : {}, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  })
}
