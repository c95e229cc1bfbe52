import type { ApiError, GetSchemaResponse } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** The PostHog project's tables and fields (for the editor's completion). Cached for five minutes. */
export function useSchema(options: { enabled?: boolean } = {}): UseQueryResult<GetSchemaResponse, ApiError> {
  const { client } = usePostHogIntegration()
  return useQuery({
    queryKey: postHogQueryKeys.schema(),
    queryFn: ({ signal }) => client.getSchema({ signal }),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  })
}
