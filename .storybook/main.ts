import { defineMain } from '@storybook/react-vite/node'
import { defaultClientConditions } from 'vite'

/**
 * Storybook for @statisfy/posthog-ui. Stories import the public entry `@statisfy/posthog-ui`; the
 * `@statisfy/source` condition makes that resolve to `src/`, so no build is needed first.
 */
export default defineMain({
  framework: '@storybook/react-vite',
  stories: ['../packages/posthog-ui/stories/**/*.mdx', '../packages/posthog-ui/stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: async (config) => ({
    ...config,
    // Same as vitest.shared.ts (not imported: Storybook loads this file with Node's resolver, which needs extensions).
    resolve: { ...config.resolve, conditions: ['@statisfy/source', ...defaultClientConditions] },
    // The "Live" stories call the demo backend (`pnpm demo`, scripts/demo-backend) same-origin, so no CORS.
    server: { ...config.server, proxy: { ...config.server?.proxy, '/api/posthog': 'http://127.0.0.1:8020' } },
  }),
})
