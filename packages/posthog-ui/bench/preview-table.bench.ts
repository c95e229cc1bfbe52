// PreviewTable first frame with 50,000 rows x 10 columns in Chromium (goal: under 150 ms, under 100 row elements),
// against a baseline measured in the same run: a plain React <table> of the 30 rows one screen shows. The page is
// bundled with esbuild (React production build) and run in Debian's Chromium through playwright-core.
// Run: `pnpm bench preview` in packages/posthog-ui.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.ts'

const RUNS = 15
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const bundle = await build({
  entryPoints: [join(root, 'bench/preview-table.page.tsx')],
  bundle: true,
  format: 'iife',
  minify: true,
  write: false,
  jsx: 'automatic',
  conditions: ['@statisfy/source'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
  logOverride: { 'module-level-directive': 'silent' },
})
const script = bundle.outputFiles[0]?.text ?? ''

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
})
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.setContent('<!doctype html><html><body></body></html>')
  await page.addScriptTag({ content: script })

  type Sample = { ms: number; rowElements: number }
  const run = (kind: 'preview' | 'plain') => page.evaluate((k) => window.bench(k), kind) as Promise<Sample>
  // The very first render includes parsing and JIT warm-up of the bundle: report it on its own.
  const coldPreview = await run('preview')
  const coldPlain = await run('plain')
  const preview: Sample[] = []
  const plain: Sample[] = []
  for (let i = 0; i < RUNS; i++) {
    preview.push(await run('preview'))
    plain.push(await run('plain'))
  }
  const median = (samples: Sample[]) => {
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
  }
  const p = median(preview)
  const b = median(plain)
  const rows = Math.max(...preview.map((s) => s.rowElements))
  console.log(
    `PreviewTable first frame, 50,000 x 10, Chromium, ${RUNS} runs (medians), ${new Date().toISOString().slice(0, 10)}\n`,
  )
  console.log('| case | cold first frame | median first frame | row elements | ratio to baseline |')
  console.log('|---|---:|---:|---:|---:|')
  console.log(
    `| PreviewTable, 50,000 x 10 | ${coldPreview.ms.toFixed(1)} ms | ${p.toFixed(1)} ms | ${rows} | ${(p / b).toFixed(2)}x |`,
  )
  console.log(
    `| baseline: plain React table, 30 x 10 | ${coldPlain.ms.toFixed(1)} ms | ${b.toFixed(1)} ms | ${plain[0]?.rowElements} | 1.00x |`,
  )
  const pass = Math.max(coldPreview.ms, p) < 150 && rows < 100
  console.log(`\nGoal (first frame < 150 ms with < 100 row elements): ${pass ? 'met' : 'NOT met'}.`)
  if (!pass) process.exitCode = 1
} finally {
  await browser.close()
}
