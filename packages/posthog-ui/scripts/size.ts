// Size budget of the main entry (`@statisfy/posthog-ui`), as a host's bundler would ship it: esbuild, ESM, minified,
// gzip level 9. The HogQL editor is split into its own lazily loaded chunk and not counted (HogQLEditorLazy loads it
// on first render). Prints a markdown table; exits 1 when our own code is over budget.
//
//   own code   = src/ of this package; React, @tanstack/*, @codemirror/*, @lezer/* and @statisfy/posthog-sdk external
//   with SDK   = the same plus the parts of @statisfy/posthog-sdk the UI pulls in, with the SDK's own dependencies
//                (zod, croner) — what the UI really adds on top of React and TanStack; broken down by package below
//
// Run: `pnpm size` in packages/posthog-ui.
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'

const BUDGET_BYTES = 35 * 1024
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const base = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/*', '@codemirror/*', '@lezer/*']

async function measure(external: string[]) {
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    outdir: join(root, '.size-out'),
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['@statisfy/source'],
    external,
    logLevel: 'error',
    // The kit is 'use client'; esbuild warns about the directive in a bundle, which is expected.
    logOverride: { 'module-level-directive': 'silent' },
  })
  const outputs = result.metafile.outputs
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint?.endsWith('src/index.ts'))
  if (!entry) throw new Error('esbuild produced no output for src/index.ts')
  // Everything loaded with the entry: follow static imports only (the editor chunk is a dynamic import).
  const eager = new Set<string>()
  const visit = (path: string) => {
    if (eager.has(path)) return
    eager.add(path)
    for (const imported of outputs[path]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
  }
  visit(entry)
  const files = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]))
  let min = 0
  let gzip = 0
  for (const path of eager) {
    const contents = files.get(path)
    if (!contents) continue
    min += contents.byteLength
    gzip += gzipSync(contents, { level: 9 }).byteLength
  }
  const lazy = Object.keys(outputs).filter((path) => !eager.has(path) && path.endsWith('.js'))
  const lazyMin = lazy.reduce((sum, path) => sum + (files.get(path)?.byteLength ?? 0), 0)
  return { min, gzip, lazyMin, metafile: result.metafile, eager }
}

function byPackage(metafile: Metafile, eager: Set<string>) {
  const sizes = new Map<string, number>()
  for (const path of eager) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[path]?.inputs ?? {})) {
      const name = input.includes('node_modules/')
        ? (/node_modules\/((?:@[^/]+\/)?[^/]+)(?!.*node_modules)/.exec(input)?.[1] ?? 'other')
        : input.includes('posthog-sdk/src/')
          ? `@statisfy/posthog-sdk/${input.split('posthog-sdk/src/')[1]?.split('/')[0]}`
          : '@statisfy/posthog-ui'
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput)
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1])
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const own = await measure([...base, '@statisfy/posthog-sdk'])
const withSdk = await measure(base)

console.log('| main entry (editor chunk excluded) | min | min+gzip | budget |')
console.log('|---|---:|---:|---:|')
console.log(
  `| own code | ${kb(own.min)} | ${kb(own.gzip)} | ${kb(BUDGET_BYTES)} (${((own.gzip / BUDGET_BYTES) * 100).toFixed(0)} %) |`,
)
console.log(`| own code + SDK parts used + zod + croner | ${kb(withSdk.min)} | ${kb(withSdk.gzip)} | — |`)
console.log(`\nLazy editor chunk of our own code (CodeMirror external): ${kb(own.lazyMin)} min.\n`)
console.log('| package (with SDK build, minified bytes in output) | min |')
console.log('|---|---:|')
for (const [name, bytes] of byPackage(withSdk.metafile, withSdk.eager)) console.log(`| ${name} | ${kb(bytes)} |`)

if (own.gzip > BUDGET_BYTES) {
  console.error(`\nOver budget: own code is ${kb(own.gzip)} min+gzip, budget ${kb(BUDGET_BYTES)}.`)
  process.exit(1)
}
