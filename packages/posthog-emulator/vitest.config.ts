import { defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

export default defineConfig({
  ...sourceResolve,
  test: {
    name: 'emulator',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // chdb's engine is a process-wide singleton with one data path per process: keep test files in separate
    // processes (vitest's default), never in worker threads of one process.
    pool: 'forks',
  },
})
