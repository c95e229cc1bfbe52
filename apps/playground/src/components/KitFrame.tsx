import { createApiClient, PostHogIntegrationProvider } from '@statisfy/posthog-ui'
import { useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { kitAppearance } from '../theme/brand'
import type { Theme } from '../theme/themeStorage'

// One api client for the page's life. Same origin: the dev server's proxy (a real host's backend) adds the tenant.
const postHogApi = createApiClient({ baseUrl: '/api/posthog' })

/** The kit's provider as this host configures it: its API path, the host's QueryClient and brand, the host's theme. */
export function KitFrame({ theme, children }: { theme: Theme; children: ReactNode }) {
  const queryClient = useQueryClient()
  return (
    <PostHogIntegrationProvider client={postHogApi} queryClient={queryClient} appearance={kitAppearance(theme)}>
      {children}
    </PostHogIntegrationProvider>
  )
}
