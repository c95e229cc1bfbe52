import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', 'editor/index': 'src/editor/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // Keep the 'use client' directives at the top of each entry for React Server Components hosts.
  banner: { js: "'use client';" },
  external: ['react', 'react-dom', /^@tanstack\//, /^@codemirror\//, /^@lezer\//, '@statisfy/posthog-sdk'],
})
