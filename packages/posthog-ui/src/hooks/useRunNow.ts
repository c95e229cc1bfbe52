import type { ApiError, RunQueryResponse } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Asks the host's scheduler to run a saved query now; the run history refreshes. */
export function useRunNow(): UseMutationResult<RunQueryResponse, ApiError, string> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (queryId) => client.runQuery(queryId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postHogQueryKeys.runs() }),
  })
}
