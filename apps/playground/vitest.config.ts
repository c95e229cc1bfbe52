import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

export default defineConfig({
  ...sourceResolve,
  plugins: [react()],
  test: {
    name: 'playground',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setupTests.ts'],
    // The templates test starts the emulator (chdb: one engine per process).
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
