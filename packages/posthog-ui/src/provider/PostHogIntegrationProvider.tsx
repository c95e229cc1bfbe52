import type { ApiClient } from '@statisfy/posthog-sdk'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { forwardRef, type ReactNode, useMemo, useState } from 'react'
import { type Labels, MessagesProvider } from '../i18n/useMessages'
import type { Appearance } from '../theme/appearance'
import { KitRoot } from '../theme/KitRoot'
import { PostHogIntegrationContext } from './PostHogIntegrationContext'
import { shouldRetry } from './shouldRetry'

/** Props of {@link PostHogIntegrationProvider}. */
export type PostHogIntegrationProviderProps = {
  /**
   * The api client of the host backend's routes, from `createApiClient` (re-exported by this package).
   * @example createApiClient({ baseUrl: '/api/posthog' })
   */
  client: ApiClient
  /** The host's TanStack Query client, to share its cache and devtools. @default a client of the kit's own */
  queryClient?: QueryClient
  /** Theme and `--sf-*` token overrides. @default { theme: 'light' } */
  appearance?: Appearance
  /** Overrides for any of the kit's messages (i18n). */
  labels?: Labels
  /** Class name of the kit's root element. */
  className?: string
  /** CSP nonce for the kit's injected `<style>`. */
  nonce?: string
  /** Set to `false` to ship `kitCss` yourself. @default true */
  injectStyles?: boolean
  children: ReactNode
}

/**
 * Gives the kit's components their api client, data cache, theme and messages, and renders the kit's root element
 * (`.sf-root`, which scopes the kit's CSS and `--sf-*` variables).
 *
 * @example
 * const client = createApiClient({ baseUrl: '/api/posthog' })
 * <PostHogIntegrationProvider client={client} appearance={{ theme: 'auto' }}>
 *   <PostHogSettings />
 * </PostHogIntegrationProvider>
 */
export const PostHogIntegrationProvider = forwardRef<HTMLDivElement, PostHogIntegrationProviderProps>(
  function PostHogIntegrationProvider(
    { client, queryClient, appearance, labels, className, nonce, injectStyles, children },
    ref,
  ) {
    // One client per provider instance (not per render, not shared between SSR requests).
    const [ownQueryClient] = useState(
      () => queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, staleTime: 15_000 } } }),
    )
    const value = useMemo(() => ({ client }), [client])
    return (
      <QueryClientProvider client={queryClient ?? ownQueryClient}>
        <PostHogIntegrationContext.Provider value={value}>
          <MessagesProvider labels={labels}>
            <KitRoot ref={ref} appearance={appearance} className={className} nonce={nonce} injectStyles={injectStyles}>
              {children}
            </KitRoot>
          </MessagesProvider>
        </PostHogIntegrationContext.Provider>
      </QueryClientProvider>
    )
  },
)
