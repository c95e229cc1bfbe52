import type { ApiError, ValidateHogQLRequest, ValidateHogQLResponse } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'

/** Checks HogQL without running it (PostHog's HogQLMetadata): errors and warnings with positions and fixes. */
export function useValidateHogQL(): UseMutationResult<ValidateHogQLResponse, ApiError, ValidateHogQLRequest> {
  const { client } = usePostHogIntegration()
  return useMutation({ mutationFn: (input) => client.validateHogQL(input) })
}
