import { defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

export default defineConfig({
  ...sourceResolve,
  test: {
    name: 'sync-worker',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The emulator (chdb) is one engine per process, and process-level tests spawn workers: one file per process.
    pool: 'forks',
    // A private PostgreSQL for the whole run (skipped, with a message, only outside CI when no server is installed).
    globalSetup: ['test/globalSetup.ts'],
  },
})
