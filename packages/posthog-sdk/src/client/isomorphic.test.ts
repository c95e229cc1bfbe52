/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'

// Vite's glob import reads the sources without importing Node's fs, so this guard itself stays isomorphic.
const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts', '!./**/*.test-d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

const NODE_BUILTINS =
  /from\s+['"](node:[^'"]+|fs|path|http|https|net|tls|crypto|stream|zlib|os|child_process|worker_threads|buffer|url|util|events)['"]/

describe('the client is isomorphic', () => {
  it('has sources to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20)
  })

  it.each(Object.entries(sources))('%s imports nothing from Node and uses no Node globals', (_file, text) => {
    expect(text).not.toMatch(NODE_BUILTINS)
    expect(text).not.toMatch(/\b(process\.|Buffer\.|require\()/)
  })
})
