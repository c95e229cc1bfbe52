import { apiHostRegion, normaliseApiHost, POSTHOG_CLOUD_HOSTS } from '@statisfy/posthog-sdk'

/** The region picker's options. */
export type HostChoice = 'us' | 'eu' | 'self-hosted'

/** The picker state for a saved host. */
export function hostChoiceOf(apiHost: string | undefined): { choice: HostChoice; url: string } {
  if (!apiHost) return { choice: 'us', url: '' }
  const region = apiHostRegion(apiHost)
  return region === 'self-hosted' ? { choice: region, url: apiHost } : { choice: region, url: '' }
}

/**
 * The API host to send for a picker state, or the reason it cannot be one (checked with the SDK's own rules, so an
 * ingestion host such as eu.i.posthog.com is refused before any request, naming the right host).
 */
export function apiHostFor(
  choice: HostChoice,
  url: string,
): { ok: true; apiHost: string } | { ok: false; message: string } {
  if (choice !== 'self-hosted') return { ok: true, apiHost: POSTHOG_CLOUD_HOSTS[choice] }
  const result = normaliseApiHost(url)
  return result.ok ? { ok: true, apiHost: result.origin } : result
}
