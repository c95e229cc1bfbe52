import type { ApiError, ConnectionView, SaveConnectionRequest } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Saves the connection (tested by the server first); the cached connection is replaced with the answer. */
export function useSaveConnection(): UseMutationResult<ConnectionView, ApiError, SaveConnectionRequest> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input) => client.saveConnection(input),
    onSuccess: (connection) => {
      queryClient.setQueryData(postHogQueryKeys.connection(), connection)
      // Another project means another schema.
      return queryClient.invalidateQueries({ queryKey: postHogQueryKeys.schema() })
    },
  })
}
