import type { ApiError, RunQueryResponse } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/**
 * Asks the host's scheduler to run a saved query now. The run history and the saved queries (their `lastRun`)
 * refresh: a scheduler that runs at once has the run listed already. A queued run is listed when it finishes;
 * `SyncHistory` polls for it and refreshes the saved queries again then.
 */
export function useRunNow(): UseMutationResult<RunQueryResponse, ApiError, string> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (queryId) => client.runQuery(queryId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: postHogQueryKeys.runs() }),
        // Not exact: each saved query's own entry (`query(id)`) carries its lastRun too.
        queryClient.invalidateQueries({ queryKey: postHogQueryKeys.queries() }),
      ]),
  })
}
