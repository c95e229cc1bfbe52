import type { ConnectDefaults } from '@statisfy/posthog-ui'

/** The `VITE_*` variables the demo launcher sets (see the README). */
export interface ConnectEnv {
  VITE_POSTHOG_HOST?: string | undefined
  VITE_POSTHOG_PROJECT_ID?: string | undefined
  VITE_POSTHOG_KEY?: string | undefined
}

/**
 * What the connect form starts from on a first visit: the emulator's host, project and demo key when the launcher
 * set them, else nothing (the form starts empty, as in a real host). Blank values count as unset.
 * @example connectDefaultsFromEnv(import.meta.env)
 */
export function connectDefaultsFromEnv(env: ConnectEnv): ConnectDefaults | undefined {
  const value = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : undefined)
  const apiHost = value(env.VITE_POSTHOG_HOST)
  const projectId = value(env.VITE_POSTHOG_PROJECT_ID)
  const personalApiKey = value(env.VITE_POSTHOG_KEY)
  if (!apiHost && !projectId && !personalApiKey) return undefined
  return {
    ...(apiHost ? { apiHost } : {}),
    ...(projectId ? { projectId } : {}),
    ...(personalApiKey ? { personalApiKey } : {}),
  }
}
