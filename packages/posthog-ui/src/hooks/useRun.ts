import { type ApiError, type ApiRun, isRunInFlight, isRunStalled } from '@statisfy/posthog-sdk'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Options of {@link useRun}. */
export type UseRunOptions = {
  /**
   * Refetch every N milliseconds while the run is queued or running and not stalled (the server's `stalled`: its
   * worker stopped saving it); `false` to not. @default 2000
   */
  pollInFlightMs?: number | false
}

/**
 * One run, from the moment the scheduler queued it: `queued`, `running` with its progress, then the finished
 * report. Refetches while the run is in flight and stops once it has finished, or once the server serves it as
 * stalled (a refetch, e.g. on window focus, still shows it resuming or ending).
 */
export function useRun(runId: string | null, options: UseRunOptions = {}): UseQueryResult<ApiRun, ApiError> {
  const { client } = usePostHogIntegration()
  const { pollInFlightMs = 2000 } = options
  return useQuery({
    queryKey: postHogQueryKeys.run(runId ?? ''),
    queryFn: ({ signal }) => client.getRun(runId ?? '', { signal }),
    enabled: runId !== null,
    refetchInterval: (query) => {
      const run = query.state.data
      return run && isRunInFlight(run) && !isRunStalled(run) ? pollInFlightMs : false
    },
  })
}
