import { isApiError } from '@statisfy/posthog-sdk'

/**
 * Retry policy of the kit's own QueryClient: a request the server refused (4xx: bad input, not found, PostHog's key
 * or scope errors, rate limits the server already waited on) fails at once so the person sees why; network errors
 * and 5xx are retried twice.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false
  if (isApiError(error)) return error.status === 0 || error.status >= 500
  return true
}
