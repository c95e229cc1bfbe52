// Story support: every story talks to a fake host backend through the real api client (createApiClient with a
// fetch that answers from fixtures), inside the real provider.
import { type Appearance, KitRoot, PostHogIntegrationProvider } from '@statisfy/posthog-ui'
import { QueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { createFakeBackend, type FakeBackendOptions } from '../test/fakeBackend'

/** Story parameters read by {@link withBackend}. */
export type BackendParameters = { backend?: FakeBackendOptions; appearance?: Appearance; width?: number }

function StoryBackend({
  options,
  appearance,
  width,
  children,
}: {
  options: FakeBackendOptions
  appearance?: Appearance
  width?: number
  children: ReactNode
}) {
  // One backend and cache per mounted story, so stateful stories (save, delete) start fresh each time.
  const [backend] = useState(() => createFakeBackend({ latencyMs: 150, ...options }))
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <PostHogIntegrationProvider
      client={backend.client}
      queryClient={queryClient}
      appearance={appearance}
      className="story-root"
    >
      <div style={{ maxWidth: width, padding: 16 }}>{children}</div>
    </PostHogIntegrationProvider>
  )
}

/** Decorator: wraps the story in the provider with the story's `parameters.backend`, `appearance` and `width`. */
export const withBackend = (Story: () => ReactNode, context: { parameters: BackendParameters }) => (
  <StoryBackend
    options={context.parameters.backend ?? {}}
    appearance={context.parameters.appearance}
    width={context.parameters.width}
  >
    <Story />
  </StoryBackend>
)

/** Decorator for props-only stories: the kit root with the story's `parameters.appearance` and `width`, no backend. */
export const withKitRoot = (Story: () => ReactNode, context: { parameters: BackendParameters }) => (
  <KitRoot appearance={context.parameters.appearance} style={{ maxWidth: context.parameters.width }}>
    <Story />
  </KitRoot>
)

export const dark: BackendParameters = { appearance: { theme: 'dark' } }
export const narrow: BackendParameters = { width: 360 }
