import type { HogQLParser } from '@posthog/hogql-parser'

let instance: HogQLParser | null = null
let loading: Promise<HogQLParser> | null = null

/**
 * Loads PostHog's own HogQL parser (`@posthog/hogql-parser`: its ANTLR grammar compiled to WebAssembly) once per
 * process. Parsing is synchronous after this resolves; the emulator awaits it when it starts.
 * The module is imported dynamically so the 1.1 MB WebAssembly bundle is only loaded where parsing happens.
 * @example await loadHogQLParser(); compileHogQL({ query: 'select 1', ... })
 */
export function loadHogQLParser(): Promise<HogQLParser> {
  if (instance !== null) return Promise.resolve(instance)
  loading ??= import('@posthog/hogql-parser')
    .then((module) => module.default())
    .then((parser) => {
      instance = parser
      return parser
    })
    .catch((error: unknown) => {
      loading = null
      throw error
    })
  return loading
}

/**
 * The loaded parser.
 * @throws {Error} when {@link loadHogQLParser} has not resolved yet (a programming error, not a query error).
 */
export function hogqlParser(): HogQLParser {
  if (instance === null) {
    throw new Error('The HogQL parser is not loaded: await loadHogQLParser() before compiling HogQL.')
  }
  return instance
}
