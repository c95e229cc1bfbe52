import { defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared'

export default defineConfig({
  ...sourceResolve,
  test: {
    name: 'emulator',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
})
