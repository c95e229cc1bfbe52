import { existsSync, readFileSync } from 'node:fs'
import { defineMain } from '@storybook/react-vite/node'
import { defaultClientConditions } from 'vite'

// `pnpm demo` writes the demo tenant's bearer token here; the proxy sends it as the playground's does.
const demoTokenFile = new URL('../.demo/token', import.meta.url)
const demoToken = () => (existsSync(demoTokenFile) ? readFileSync(demoTokenFile, 'utf8').trim() : '')

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
    // The "Live" stories call the demo's sync worker (`pnpm demo` starts it) same-origin, so no CORS, as the demo
    // tenant: the token is read per request, so a demo started after Storybook works too.
    server: {
      ...config.server,
      proxy: {
        ...config.server?.proxy,
        '/api/posthog': {
          target: 'http://127.0.0.1:8030',
          configure: (proxy) => {
            proxy.on('proxyReq', (request) => request.setHeader('authorization', `Bearer ${demoToken()}`))
          },
        },
      },
    },
  }),
})
