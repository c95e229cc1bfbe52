import type { ApiClient, ApiError, SavedQuery } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** The definition {@link useSaveQuery} sends (validated by the server against the host's catalog). */
export type SaveQueryInput = Parameters<ApiClient['saveQuery']>[0]

/** Creates or replaces a saved query, then refreshes the list. */
export function useSaveQuery(): UseMutationResult<SavedQuery, ApiError, SaveQueryInput> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (definition) => client.saveQuery(definition),
    onSuccess: (saved) => {
      queryClient.setQueryData(postHogQueryKeys.query(saved.definition.id), saved)
      return queryClient.invalidateQueries({ queryKey: postHogQueryKeys.queries(), exact: true })
    },
  })
}
