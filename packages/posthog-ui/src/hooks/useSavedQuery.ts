import type { ApiError, SavedQuery } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** One saved query (named so it does not clash with TanStack's `useQuery`). */
export function useSavedQuery(queryId: string | null): UseQueryResult<SavedQuery, ApiError> {
  const { client } = usePostHogIntegration()
  return useQuery({
    queryKey: postHogQueryKeys.query(queryId ?? ''),
    queryFn: ({ signal }) => client.getQuery(queryId ?? '', { signal }),
    enabled: queryId !== null,
  })
}
