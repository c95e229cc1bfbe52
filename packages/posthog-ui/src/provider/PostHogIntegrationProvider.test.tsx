import { render, renderHook, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createFakeBackend } from '../../test/fakeBackend'
import { ConnectForm } from '../components/ConnectForm/ConnectForm'
import { usePostHogIntegration } from './PostHogIntegrationContext'
import { PostHogIntegrationProvider } from './PostHogIntegrationProvider'

describe('PostHogIntegrationProvider', () => {
  it('names itself when a hook is used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => usePostHogIntegration())).toThrow(
      'usePostHogIntegration must be used within PostHogIntegrationProvider',
    )
  })

  it('brings its own QueryClient, applies labels and scopes the theme to its root', async () => {
    const { client } = createFakeBackend()
    const { container } = render(
      <PostHogIntegrationProvider
        client={client}
        className="host-settings"
        appearance={{ theme: 'auto', variables: { colorAccent: '#6d28d9', radius: '2px' } }}
        labels={{ connectionTitle: 'PostHog-Verbindung', connectionErrors: { wrongProject: 'Projekt nicht gefunden' } }}
      >
        <ConnectForm />
      </PostHogIntegrationProvider>,
    )
    expect(await screen.findByRole('region', { name: 'PostHog-Verbindung' })).toBeInTheDocument()
    const root = container.firstElementChild as HTMLElement
    expect(root).toHaveClass('sf-root', 'host-settings')
    expect(root).toHaveAttribute('data-sf-theme', 'auto')
    expect(root.style.getPropertyValue('--sf-color-accent')).toBe('#6d28d9')
    expect(root.style.getPropertyValue('--sf-radius')).toBe('2px')
    expect(root.querySelectorAll('style')).toHaveLength(1)
  })
})
