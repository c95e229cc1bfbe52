import type { ApiError, Catalog } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** The host's catalog: custom fields, custom object types and their attributes, supported resolvers. */
export function useCatalog(options: { enabled?: boolean } = {}): UseQueryResult<Catalog, ApiError> {
  const { client } = usePostHogIntegration()
  return useQuery({
    queryKey: postHogQueryKeys.catalog(),
    queryFn: ({ signal }) => client.getCatalog({ signal }),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  })
}
