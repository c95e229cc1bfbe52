// Live story support: the real api client against the demo backend (`pnpm demo` starts it; Storybook's dev server
// proxies /api/posthog to it), inside the real provider. Live stories are tagged '!test': CI has no demo backend.
import { type ApiClient, createApiClient, PostHogIntegrationProvider } from '@statisfy/posthog-ui'
import { type ReactNode, useEffect, useState } from 'react'

const client: ApiClient = createApiClient({ baseUrl: '/api/posthog' })

type Probe = { state: 'checking' } | { state: 'up' } | { state: 'down'; reason: string }

/** Shows the story once the demo backend answers, or says how to start it. */
function LiveBackend({ children }: { children: ReactNode }) {
  const [probe, setProbe] = useState<Probe>({ state: 'checking' })
  useEffect(() => {
    const controller = new AbortController()
    client.getConnection({ signal: controller.signal }).then(
      () => setProbe({ state: 'up' }),
      // In a static build, or with the backend stopped, the proxy answers 404/5xx or nothing at all.
      (error: unknown) =>
        controller.signal.aborted ||
        setProbe({ state: 'down', reason: error instanceof Error ? error.message : String(error) }),
    )
    return () => controller.abort()
  }, [])

  switch (probe.state) {
    case 'checking':
      return <p>Connecting to the demo backend…</p>
    case 'down':
      return (
        <div role="alert" style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640 }}>
          <h2>The demo backend is not reachable</h2>
          <p>
            Start the demo with <code>pnpm demo</code>, then open this story from the Storybook it starts
            (http://localhost:6006) or reload this page. The demo runs the PostHog emulator and the SDK's handler behind{' '}
            <code>/api/posthog</code>.
          </p>
          <p style={{ color: '#555' }}>Details: {probe.reason}</p>
        </div>
      )
    case 'up':
      return (
        <div style={{ padding: 16 }}>
          <p style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, margin: '0 0 12px' }}>
            Live: the SDK handler and the PostHog emulator (<code>http://127.0.0.1:8010</code>, project 12345) from{' '}
            <code>pnpm demo</code>. Demo keys: <code>phx_demo_query_read</code> (saved; query:read only),{' '}
            <code>phx_demo_full_access</code> (all scopes: Test connection shows the project name),{' '}
            <code>phx_demo_project_read</code> (no query:read), <code>phx_demo_revoked</code>.
          </p>
          <PostHogIntegrationProvider client={client} appearance={{ theme: 'light' }}>
            {children}
          </PostHogIntegrationProvider>
        </div>
      )
    default:
      return probe satisfies never
  }
}

/** Decorator: the story against the live demo backend. */
export const withLiveBackend = (Story: () => ReactNode) => (
  <LiveBackend>
    <Story />
  </LiveBackend>
)
