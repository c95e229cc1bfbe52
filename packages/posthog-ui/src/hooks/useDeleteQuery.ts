import type { ApiError } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Deletes a saved query (its runs stay in the history). */
export function useDeleteQuery(): UseMutationResult<void, ApiError, string> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (queryId) => client.deleteQuery(queryId),
    onSuccess: (_, queryId) => {
      queryClient.removeQueries({ queryKey: postHogQueryKeys.query(queryId) })
      return queryClient.invalidateQueries({ queryKey: postHogQueryKeys.queries(), exact: true })
    },
  })
}
