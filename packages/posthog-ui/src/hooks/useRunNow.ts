import type { ApiError, RunQueryResponse } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/**
 * Asks the host's scheduler to run a saved query now. The run history, the run itself and the saved queries (their
 * `lastRun`) refresh: a scheduler that saves the run as `queued` (see the SDK's `Scheduler`) has it listed already,
 * and the history polls it while it is in flight. With a scheduler that lists a run only once it finishes,
 * `SyncHistory` polls until it appears.
 */
export function useRunNow(): UseMutationResult<RunQueryResponse, ApiError, string> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (queryId) => client.runQuery(queryId),
    onSuccess: ({ runId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: postHogQueryKeys.runs() }),
        // A useRun of this id may hold the 404 a scheduler answered before saving the run.
        runId ? queryClient.invalidateQueries({ queryKey: postHogQueryKeys.run(runId), exact: true }) : undefined,
        // Not exact: each saved query's own entry (`query(id)`) carries its lastRun too.
        queryClient.invalidateQueries({ queryKey: postHogQueryKeys.queries() }),
      ]),
  })
}
