import * as z from 'zod'

/** PostHog Cloud's private API hosts. The query API lives here, not on the `*.i.posthog.com` ingestion hosts. */
export const POSTHOG_CLOUD_HOSTS = {
  us: 'https://us.posthog.com',
  eu: 'https://eu.posthog.com',
} as const
export type PostHogCloudRegion = keyof typeof POSTHOG_CLOUD_HOSTS

// `app.posthog.com` is the legacy US host; it still serves the API but new keys are documented against us.posthog.com.
const LEGACY_HOSTS: Record<string, string> = { 'app.posthog.com': POSTHOG_CLOUD_HOSTS.us }
// Ingestion hosts answer /i/v0/e and /flags only; the private API (and so /query/) is on the region's app host.
const INGESTION_HOSTS: Record<string, string> = {
  'us.i.posthog.com': POSTHOG_CLOUD_HOSTS.us,
  'eu.i.posthog.com': POSTHOG_CLOUD_HOSTS.eu,
}

/**
 * Normalises a user-typed PostHog API host to an origin: adds `https://` when no scheme is given, drops paths,
 * trailing slashes, query strings and fragments, lower-cases the host, and maps the legacy `app.posthog.com` to the US host.
 * Returns an error message instead when the input cannot be a PostHog API host.
 *
 * @example normaliseApiHost('US.posthog.com/') // { ok: true, origin: 'https://us.posthog.com' }
 */
export function normaliseApiHost(input: string): { ok: true; origin: string } | { ok: false; message: string } {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, message: 'Enter your PostHog API host, e.g. https://us.posthog.com.' }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return { ok: false, message: `"${input}" is not a URL. Enter the API host, e.g. https://us.posthog.com.` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `The API host must use https (got ${url.protocol.replace(':', '')}).` }
  }
  if (url.username || url.password) {
    return {
      ok: false,
      message: 'Remove the user name and password from the API host; the API key is sent separately.',
    }
  }
  const host = url.hostname
  const ingestionTarget = INGESTION_HOSTS[host]
  if (ingestionTarget || host.endsWith('.i.posthog.com')) {
    const right = ingestionTarget ?? 'your region’s app host (https://us.posthog.com or https://eu.posthog.com)'
    return {
      ok: false,
      message: `${host} is PostHog's event ingestion host, which does not serve the query API. Use ${right} instead.`,
    }
  }
  const legacy = LEGACY_HOSTS[host]
  if (legacy) return { ok: true, origin: legacy }
  return { ok: true, origin: url.origin }
}

/** Which PostHog Cloud region an origin belongs to, or `'self-hosted'`. */
export function apiHostRegion(origin: string): PostHogCloudRegion | 'self-hosted' {
  if (origin === POSTHOG_CLOUD_HOSTS.us) return 'us'
  if (origin === POSTHOG_CLOUD_HOSTS.eu) return 'eu'
  return 'self-hosted'
}

/** A PostHog API host, normalised to its origin (see {@link normaliseApiHost}). */
export const apiHostSchema = z.string({ error: 'Enter the PostHog API host as text.' }).transform((value, ctx) => {
  const result = normaliseApiHost(value)
  if (result.ok) return result.origin
  ctx.addIssue({ code: 'custom', message: result.message })
  return z.NEVER
})
