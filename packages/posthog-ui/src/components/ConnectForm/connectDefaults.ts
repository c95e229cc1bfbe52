import { type ConnectionView, normaliseApiHost } from '@statisfy/posthog-sdk'
import { type HostChoice, hostChoiceOf } from './hostChoice'

/**
 * Values a new connection's fields start from, for a host that already knows them: a demo, or an onboarding flow
 * that created the PostHog project itself. They only fill the form while the tenant has no saved connection; a saved
 * connection always wins, and nothing is saved until the person presses Save.
 *
 * A real host should not pass a production `personalApiKey`: whatever is in props is in the browser, readable by
 * anyone who opens the page. Keys belong on the server, which the kit only ever shows as a hint (`phx_…a1b2`).
 *
 * @example
 * <ConnectForm defaults={{ apiHost: 'http://localhost:8010', projectId: 1, personalApiKey: 'phx_demo…' }} />
 */
export type ConnectDefaults = {
  /**
   * `https://us.posthog.com` or `https://eu.posthog.com` (in any spelling the SDK normalises to them, such as
   * `us.posthog.com/` or the legacy `app.posthog.com`) select that region; any other URL selects Self-hosted with that
   * URL, where Test connection checks it as if typed.
   */
  apiHost?: string
  /** The PostHog project id, as a number or as the text the field shows. */
  projectId?: number | string
  /** Put in the key field as if pasted (still masked). Never a production key: see above. */
  personalApiKey?: string
}

/** The fields of ConnectForm before the person edits them. */
export type InitialConnectFields = { choice: HostChoice; url: string; projectId: string; key: string }

/** The form's starting values: from the saved connection when there is one, else from the host's defaults. */
export function initialConnectFields(
  saved: ConnectionView | null,
  defaults: ConnectDefaults | undefined,
): InitialConnectFields {
  if (saved) return { ...hostChoiceOf(saved.apiHost), projectId: String(saved.projectId), key: '' }
  return {
    ...defaultHost(defaults?.apiHost),
    projectId: defaults?.projectId === undefined ? '' : String(defaults.projectId).trim(),
    key: defaults?.personalApiKey ?? '',
  }
}

function defaultHost(apiHost: string | undefined): { choice: HostChoice; url: string } {
  if (apiHost === undefined || apiHost.trim() === '') return hostChoiceOf(undefined)
  const host = normaliseApiHost(apiHost)
  // A host the SDK refuses (an ingestion host, say) is shown as typed, so Test connection explains what to use.
  return host.ok ? hostChoiceOf(host.origin) : { choice: 'self-hosted', url: apiHost.trim() }
}
