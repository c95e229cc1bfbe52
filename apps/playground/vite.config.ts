import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'
import { sourceResolve } from '../../vitest.shared.ts'

// The dev server (and `vite preview`) stands in for the host's backend: it forwards /api to the sync worker and adds
// the tenant's bearer token on the way, as a real host puts its session check in front of the worker. The browser
// never holds the token.
const apiTarget = process.env.PLAYGROUND_API_URL ?? 'http://127.0.0.1:8030'
const token = process.env.PLAYGROUND_API_TOKEN
const proxy: Record<string, ProxyOptions> = {
  '/api': {
    target: apiTarget,
    changeOrigin: true,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  },
}
const host = process.env.PLAYGROUND_HOST ?? '127.0.0.1'
const port = Number(process.env.PLAYGROUND_PORT ?? 5173)

export default defineConfig({
  // Workspace packages resolve to their src/ (the kit needs no build first), in dev and in the production build.
  ...sourceResolve,
  plugins: [react()],
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
  // React, the kit, zod and croner are about 175 KB gzip in the main chunk; CodeMirror is the separate editor chunk.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 700 },
})
