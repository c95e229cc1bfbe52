import { type ApiError, type ApiRun, isRunInFlight } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Options of {@link useRun}. */
export type UseRunOptions = {
  /** Refetch every N milliseconds while the run is queued or running; `false` to not. @default 2000 */
  pollInFlightMs?: number | false
}

/**
 * One run, from the moment the scheduler queued it: `queued`, `running` with its progress, then the finished
 * report. Refetches while the run is in flight and stops once it has finished.
 */
export function useRun(runId: string | null, options: UseRunOptions = {}): UseQueryResult<ApiRun, ApiError> {
  const { client } = usePostHogIntegration()
  const { pollInFlightMs = 2000 } = options
  return useQuery({
    queryKey: postHogQueryKeys.run(runId ?? ''),
    queryFn: ({ signal }) => client.getRun(runId ?? '', { signal }),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.data && isRunInFlight(query.state.data) ? pollInFlightMs : false),
  })
}
