// Bundle size of the editor entry (`@statisfy/posthog-ui/editor`), min+gzip, as a host's bundler would ship it:
// our own code (CodeMirror, Lezer and React external) and the total with CodeMirror, against a baseline measured in the
// same run: a plain CodeMirror SQL editor built from the same CodeMirror packages. Sizes are deterministic, so one
// build each is enough. Run: `npx tsx --conditions=@statisfy/source bench/editor-size.bench.ts` (or `pnpm bench editor`).
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, gzipSync } from 'node:zlib'

// esbuild comes with tsup (a root dev dependency); resolve it from there rather than adding a dependency.
const require = createRequire(import.meta.url)
const esbuild: typeof import('esbuild') = createRequire(require.resolve('tsup'))('esbuild')

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const REACT = ['react', 'react-dom', 'react/jsx-runtime']
const CODEMIRROR = ['@codemirror/*', '@lezer/*']

const BASELINE = `
import { autocompletion, closeBrackets } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { sql, PostgreSQL } from '@codemirror/lang-sql'
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { linter, lintKeymap } from '@codemirror/lint'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view'
export const mount = (parent) => new EditorView({ parent, state: EditorState.create({ extensions: [
  lineNumbers(), history(), bracketMatching(), closeBrackets(), autocompletion(), sql({ dialect: PostgreSQL }),
  syntaxHighlighting(defaultHighlightStyle), linter(() => []), placeholder('SQL'),
  keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
] }) })
`

interface Measure {
  readonly name: string
  readonly min: number
  readonly gzip: number
  readonly brotli: number
}

async function measure(name: string, entry: string | { contents: string }, external: string[]): Promise<Measure> {
  const result = await esbuild.build({
    ...(typeof entry === 'string'
      ? { entryPoints: [join(root, entry)] }
      : { stdin: { contents: entry.contents, resolveDir: root, loader: 'js' } }),
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['@statisfy/source'],
    external,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { name, min: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const own = await measure('editor entry, own code (CodeMirror, React external)', 'src/editor/index.ts', [
  ...REACT,
  ...CODEMIRROR,
])
const total = await measure('editor entry, total with CodeMirror (React external)', 'src/editor/index.ts', REACT)
const baseline = await measure('baseline: plain CodeMirror SQL editor, same packages', { contents: BASELINE }, REACT)
// The wrapper hosts pay for in the main entry: the lazy loader and its fallback, with the editor chunk itself external.
const lazy = await measure('HogQLEditorLazy wrapper (editor chunk external)', 'src/editor/HogQLEditorLazy.tsx', [
  ...REACT,
  ...CODEMIRROR,
  './index',
])

console.log(
  `Measured ${new Date().toISOString().slice(0, 10)}, esbuild ${esbuild.version}, minified ESM, gzip level 9.\n`,
)
console.log('| bundle | min | min+gzip | min+brotli | gzip vs baseline |')
console.log('|---|---:|---:|---:|---:|')
for (const m of [own, total, baseline, lazy]) {
  console.log(
    `| ${m.name} | ${kb(m.min)} | ${kb(m.gzip)} | ${kb(m.brotli)} | ${(m.gzip / baseline.gzip).toFixed(2)}x |`,
  )
}
