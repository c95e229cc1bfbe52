// Live story support: the real api client against the demo's sync worker (`pnpm demo` starts it on 127.0.0.1:8030;
// `pnpm storybook`'s dev server proxies /api/posthog to it with the demo tenant's token from .demo/token, see
// .storybook/main.ts), inside the real provider. Live stories are tagged '!test': CI runs no demo.
import { type ApiClient, createApiClient, PostHogIntegrationProvider } from '@statisfy/posthog-ui'
import { type ReactNode, useEffect, useState } from 'react'

const client: ApiClient = createApiClient({ baseUrl: '/api/posthog' })

type Probe = { state: 'checking' } | { state: 'up' } | { state: 'down'; reason: string }

/** Shows the story once the demo's worker answers, or says how to start it. */
function LiveBackend({ children }: { children: ReactNode }) {
  const [probe, setProbe] = useState<Probe>({ state: 'checking' })
  useEffect(() => {
    const controller = new AbortController()
    client.getConnection({ signal: controller.signal }).then(
      () => setProbe({ state: 'up' }),
      // In a static build, or with the demo stopped, the proxy answers 404/5xx or nothing at all.
      (error: unknown) =>
        controller.signal.aborted ||
        setProbe({ state: 'down', reason: error instanceof Error ? error.message : String(error) }),
    )
    return () => controller.abort()
  }, [])

  switch (probe.state) {
    case 'checking':
      return <p>Connecting to the demo's sync worker…</p>
    case 'down':
      return (
        <div role="alert" style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640 }}>
          <h2>The demo's sync worker is not reachable</h2>
          <p>
            Start the demo with <code>pnpm demo</code> (from the repo root), then reload this page; Storybook (
            <code>pnpm storybook</code>, http://localhost:6006) proxies <code>/api/posthog</code> to the demo's sync
            worker on 127.0.0.1:8030 with the token <code>pnpm demo</code> writes to <code>.demo/token</code>.
          </p>
          <p style={{ color: '#555' }}>Details: {probe.reason}</p>
        </div>
      )
    case 'up':
      return (
        <div style={{ padding: 16 }}>
          <p style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, margin: '0 0 12px' }}>
            Live: the demo's sync worker (the demo tenant, as in the playground) and the PostHog emulator (
            <code>http://127.0.0.1:8010</code>) from <code>pnpm demo</code>. Demo keys: <code>phx_demo_query_read</code>{' '}
            (query:read only, what the playground's connect form suggests), <code>phx_demo_full_access</code> (all
            scopes: Test connection shows the project name), <code>phx_demo_project_read</code> (no query:read),{' '}
            <code>phx_demo_revoked</code>.
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

/** Decorator: the story against the live demo (its sync worker). */
export const withLiveBackend = (Story: () => ReactNode) => (
  <LiveBackend>
    <Story />
  </LiveBackend>
)
