import type { ApiClient } from '@statisfy/posthog-sdk'
import { createContext, useContext } from 'react'

/** What the provider shares with the kit's hooks. */
export type PostHogIntegrationContextValue = {
  /** The api client of the host backend's PostHog routes. */
  client: ApiClient
}

/** @internal */
export const PostHogIntegrationContext = createContext<PostHogIntegrationContextValue | null>(null)
PostHogIntegrationContext.displayName = 'PostHogIntegrationContext'

/**
 * The api client the kit's components and hooks talk through. Throws when used outside the provider, so a missing
 * provider is found at the first render rather than as a confusing network error.
 */
export function usePostHogIntegration(): PostHogIntegrationContextValue {
  const value = useContext(PostHogIntegrationContext)
  if (!value) throw new Error('usePostHogIntegration must be used within PostHogIntegrationProvider')
  return value
}
