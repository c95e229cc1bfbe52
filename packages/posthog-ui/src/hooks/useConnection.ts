import type { ApiError, ConnectionView } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** The tenant's saved PostHog connection (key hint only); `data` is `null` when none is saved. */
export function useConnection(): UseQueryResult<ConnectionView | null, ApiError> {
  const { client } = usePostHogIntegration()
  return useQuery({
    queryKey: postHogQueryKeys.connection(),
    queryFn: ({ signal }) => client.getConnection({ signal }),
  })
}
