import type { ApiError, SavedQuery } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** The tenant's saved PostHog queries, with their latest run. */
export function useQueries(): UseQueryResult<SavedQuery[], ApiError> {
  const { client } = usePostHogIntegration()
  return useQuery({ queryKey: postHogQueryKeys.queries(), queryFn: ({ signal }) => client.listQueries({ signal }) })
}
