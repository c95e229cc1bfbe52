import { defineConfig } from '@playwright/test'

// The demo's end-to-end tests: Debian's Chromium (nothing downloads a browser here), one worker because the tests
// share one demo and restart it, and no retries: a flaky step is a bug to fix, not to hide.
export default defineConfig({
  testDir: './e2e',
  testMatch: '*.e2e.ts',
  retries: 0,
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 20_000 },
  forbidOnly: Boolean(process.env.CI),
  outputDir: './e2e-artifacts/results',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
})
