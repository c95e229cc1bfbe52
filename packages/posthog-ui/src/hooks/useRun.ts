import type { ApiError, ApiRun } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** One run's report. */
export function useRun(runId: string | null): UseQueryResult<ApiRun, ApiError> {
  const { client } = usePostHogIntegration()
  return useQuery({
    queryKey: postHogQueryKeys.run(runId ?? ''),
    queryFn: ({ signal }) => client.getRun(runId ?? '', { signal }),
    enabled: runId !== null,
  })
}
