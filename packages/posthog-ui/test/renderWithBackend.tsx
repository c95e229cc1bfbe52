import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { PostHogIntegrationProvider } from '../src/provider/PostHogIntegrationProvider'
import { createFakeBackend, type FakeBackendOptions } from './fakeBackend'

/** Renders `ui` inside the provider, talking to a fake backend through the real api client. */
export function renderWithBackend(ui: ReactElement, options: FakeBackendOptions = {}) {
  const backend = createFakeBackend(options)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const user = userEvent.setup()
  const view = render(
    <PostHogIntegrationProvider client={backend.client} queryClient={queryClient}>
      {ui}
    </PostHogIntegrationProvider>,
  )
  return { ...view, backend, queryClient, user }
}
