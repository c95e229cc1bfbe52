import type { ApiError, PreviewRequest, PreviewResponse } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'

/**
 * Runs HogQL through the host and returns the first rows. A mutation, not a cached query: a preview is run on
 * demand (button, Mod-Enter) and each run should reach PostHog.
 */
export function usePreview(): UseMutationResult<PreviewResponse, ApiError, PreviewRequest> {
  const { client } = usePostHogIntegration()
  return useMutation({ mutationFn: (input) => client.preview(input) })
}
