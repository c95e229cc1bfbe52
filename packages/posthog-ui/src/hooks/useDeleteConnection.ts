import type { ApiError } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Disconnects PostHog: the server forgets the connection and its key. */
export function useDeleteConnection(): UseMutationResult<void, ApiError, void> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => client.deleteConnection(),
    onSuccess: () => {
      queryClient.setQueryData(postHogQueryKeys.connection(), null)
      queryClient.removeQueries({ queryKey: postHogQueryKeys.schema() })
    },
  })
}
