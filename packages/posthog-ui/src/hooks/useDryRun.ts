import type { ApiError, DryRunRequest, DryRunResponse, DryRunSample } from '@statisfy/posthog-sdk'
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/** Input of {@link useDryRun}. */
export type UseDryRunInput = {
  /** The definition to check; `null` while it is not complete enough to send. */
  definition: DryRunRequest['definition'] | null
  /** The preview rows to check against (the server does not ask PostHog again). */
  sample: DryRunSample | null
  /**
   * Identifies the sample in the cache key, so 1,000 rows are not hashed on every render (e.g. the preview's time).
   */
  sampleKey: string
}

/**
 * The live check of a mapping: re-runs the dry-run route whenever the definition or sample changes, keeping the
 * previous answer on screen meanwhile. Nothing is written.
 */
export function useDryRun({ definition, sample, sampleKey }: UseDryRunInput): UseQueryResult<DryRunResponse, ApiError> {
  const { client } = usePostHogIntegration()
  return useQuery({
    queryKey: postHogQueryKeys.dryRun({ definition: definition ?? ({} as DryRunRequest['definition']) }, sampleKey),
    queryFn: ({ signal }) => client.dryRun({ definition: definition!, ...(sample ? { sample } : {}) }, { signal }),
    enabled: definition !== null,
    placeholderData: keepPreviousData,
    retry: false,
  })
}
