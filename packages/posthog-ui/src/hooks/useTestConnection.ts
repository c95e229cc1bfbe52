import type { ApiError, TestConnectionRequest, TestConnectionResponse } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'

/** Tests a connection against PostHog (fields left out fall back to the saved ones): project, time zone, scopes. */
export function useTestConnection(): UseMutationResult<
  TestConnectionResponse,
  ApiError,
  TestConnectionRequest | undefined
> {
  const { client } = usePostHogIntegration()
  return useMutation({ mutationFn: (input) => client.testConnection(input) })
}
