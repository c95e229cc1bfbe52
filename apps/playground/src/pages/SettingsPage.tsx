import { PostHogSettings } from '@statisfy/posthog-ui'
import { connectDefaultsFromEnv } from '../connectDefaults'
import { templates } from '../templates'

// Read once: Vite inlines the VITE_* variables at build (or dev-server start) time.
const connectDefaults = connectDefaultsFromEnv(import.meta.env)

/** Integrations → PostHog: the kit's composed settings page with the demo's templates and connect defaults. */
export function SettingsPage() {
  return (
    <div className="pg-page" data-page="settings">
      <p className="pg-breadcrumb">Integrations / PostHog</p>
      <PostHogSettings templates={templates} {...(connectDefaults ? { connectDefaults } : {})} />
    </div>
  )
}
