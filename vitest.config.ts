import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumArgs, chromiumPath, sourceResolve } from './vitest.shared.ts'

/**
 * Root Vitest config: only the Storybook project lives here (`pnpm test:stories`). Package tests keep their own
 * configs (`packages/<pkg>/vitest.config.ts`). Every story becomes a test in Debian's Chromium, with its `play`
 * function and the axe check.
 */
export default defineConfig({
  ...sourceResolve,
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
