/// <reference types="vite/client" />

// The launcher's variables (see README); unset means no prefill.
interface ImportMetaEnv {
  readonly VITE_POSTHOG_HOST?: string
  readonly VITE_POSTHOG_PROJECT_ID?: string
  readonly VITE_POSTHOG_KEY?: string
}
