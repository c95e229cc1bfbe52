// The playground's bundle and first load (issue 14): how much of the host app's JavaScript is the kit, and how long
// the settings page takes to become usable on the demo.
//
// 1. Bundle. `vite build` of the playground (its own vite.config.ts, production mode) with a plugin that reads
//    Rollup's module info at generateBundle: each emitted JS chunk's modules and their rendered (tree-shaken, not yet
//    minified) lengths. A chunk's minified, gzip (level 9) and brotli (quality 11) bytes are measured on the emitted
//    file and shared among its modules in proportion to their rendered lengths (an approximation: minification
//    shrinks every module by about the same factor). Groups: the kit (packages/posthog-ui and packages/posthog-sdk
//    source), the kit's dependencies (CodeMirror, Lezer, TanStack, zod, croner, ...), React (react, react-dom,
//    scheduler), the host (apps/playground/src). First load = the entry chunk and its static imports; lazy = chunks
//    only reached through dynamic import() (the HogQL editor).
// 2. First load of #/settings. `scripts/demo.mjs` with DEMO_PLAYGROUND=preview (the production build served by
//    `vite preview`, same /api proxy to the worker) on a temporary DEMO_DIR and free ports. Each run is a new
//    Chromium context (cold HTTP cache, no storage), navigating to <url>#/settings. "Interactive" is the first moment
//    when the page's connect form or saved connection is rendered and enabled, i.e. `[data-page="settings"]` holds an
//    enabled `button` whose name is Save / Test connection / Replace key / Add query (the worker's /connection answer
//    has arrived and the kit rendered from it), followed by a 500 ms window with no long task (>= 50 ms); TTI is that
//    moment (the end of the last long task before the quiet window, if later), from navigationStart. FCP and LCP come
//    from the paint / largest-contentful-paint entries; JS bytes transferred from resource timing (transferSize of
//    script resources). Medians over RUNS runs.
// Run: `pnpm --filter @statisfy/playground bench` (or the root `pnpm bench`).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { chromium } from 'playwright'
import { build, type Plugin } from 'vite'
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.ts'

const RUNS = 7
const app = join(dirname(fileURLToPath(import.meta.url)), '..')
const repo = join(app, '../..')

const machine = `${cpus().length} cpus (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load ${loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')}, ${new Date().toISOString().slice(0, 16)}Z`

// ---- 1. Bundle attribution ----
type Group = 'kit' | 'kit dependencies' | 'React' | 'host'
const groupOf = (id: string): Group => {
  const path = id.replace(/\\/g, '/')
  if (/\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(react|react-dom|scheduler)\//.test(path)) return 'React'
  if (path.includes('/node_modules/')) return 'kit dependencies'
  if (path.includes('/packages/posthog-ui/') || path.includes('/packages/posthog-sdk/')) return 'kit'
  return 'host'
}
type ChunkInfo = { file: string; isEntry: boolean; imports: string[]; modules: Record<string, number> }
const chunks: ChunkInfo[] = []
const collect: Plugin = {
  name: 'bench-module-info',
  generateBundle(_options, bundle) {
    for (const output of Object.values(bundle)) {
      if (output.type !== 'chunk') continue
      const modules: Record<string, number> = {}
      for (const [id, info] of Object.entries(output.modules)) modules[id] = info.renderedLength
      chunks.push({ file: output.fileName, isEntry: output.isEntry, imports: output.imports, modules })
    }
  },
}
const outDir = mkdtempSync(join(tmpdir(), 'playground-bench-dist-'))
await build({
  root: app,
  configFile: join(app, 'vite.config.ts'),
  logLevel: 'error',
  plugins: [collect],
  build: { outDir, emptyOutDir: true },
})
const firstLoad = new Set<string>()
const visit = (file: string) => {
  if (firstLoad.has(file)) return
  firstLoad.add(file)
  for (const imported of chunks.find((c) => c.file === file)?.imports ?? []) visit(imported)
}
for (const chunk of chunks) if (chunk.isEntry) visit(chunk.file)

type Bytes = { raw: number; gzip: number; brotli: number }
const zero = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 })
const groups: Group[] = ['kit', 'kit dependencies', 'React', 'host']
const table = { first: new Map(groups.map((g) => [g, zero()])), lazy: new Map(groups.map((g) => [g, zero()])) }
const chunkRows: string[] = []
for (const chunk of chunks) {
  const code = readFileSync(join(outDir, chunk.file))
  const size: Bytes = {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
  const rendered = Object.values(chunk.modules).reduce((a, b) => a + b, 0) || 1
  const where = firstLoad.has(chunk.file) ? 'first' : 'lazy'
  for (const [id, length] of Object.entries(chunk.modules)) {
    const bytes = table[where].get(groupOf(id)) ?? zero()
    for (const key of ['raw', 'gzip', 'brotli'] as const) bytes[key] += (size[key] * length) / rendered
  }
  chunkRows.push(
    `| ${chunk.file.replace(/-[\w-]{8}\.js$/, '.js')} | ${where === 'first' ? 'first load' : 'lazy'} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} |`,
  )
}
rmSync(outDir, { recursive: true, force: true })

function kb(n: number) {
  return `${(n / 1024).toFixed(1)} KB`
}
const sum = (m: Map<Group, Bytes>, key: keyof Bytes) => [...m.values()].reduce((a, b) => a + b[key], 0)

// ---- 2. First load of #/settings on the demo ----
const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
const demoDir = mkdtempSync(join(tmpdir(), 'playground-bench-demo-'))
const [port, workerPort, emulatorPort] = [await freePort(), await freePort(), await freePort()]
const demo = spawn(process.execPath, [join(repo, 'scripts/demo.mjs')], {
  cwd: repo,
  env: {
    ...process.env,
    DEMO_DIR: demoDir,
    DEMO_PORT: String(port),
    DEMO_WORKER_PORT: String(workerPort),
    DEMO_EMULATOR_PORT: String(emulatorPort),
    DEMO_PLAYGROUND: 'preview',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
})
let demoOutput = ''
const url = await new Promise<string>((done, fail) => {
  const timer = setTimeout(() => fail(new Error(`the demo did not start within 240 s:\n${demoOutput}`)), 240_000)
  const onData = (chunk: Buffer) => {
    demoOutput += chunk.toString()
    const match = /Demo ready in [\d.]+ s: open (\S+)/.exec(demoOutput)
    if (match?.[1]) {
      clearTimeout(timer)
      done(match[1])
    }
  }
  demo.stdout.on('data', onData)
  demo.stderr.on('data', onData)
  demo.on('exit', (code) => fail(new Error(`the demo exited (${code}):\n${demoOutput}`)))
})

type Sample = { tti: number; ready: number; fcp: number; lcp: number; jsTransferred: number; jsRequests: number }
const samples: Sample[] = []
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; end: number }[]; __lcp: number }
      w.__longTasks = []
      w.__lcp = 0
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration })
      }).observe({ type: 'longtask', buffered: true })
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lcp = Math.max(w.__lcp, e.startTime)
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    await page.goto(`${url}#/settings`)
    // Interactive: an enabled control of the connect form or of the saved connection inside the settings page.
    const ready = await page.waitForFunction(
      () => {
        const root = document.querySelector('[data-page="settings"]')
        if (!root) return false
        const names = /^(save|test connection|replace key|add query)/i
        const button = [...root.querySelectorAll('button')].find(
          (b) => names.test((b.textContent ?? '').trim()) && !b.disabled,
        )
        return button ? performance.now() : false
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    const readyAt = (await ready.jsonValue()) as number
    // Quiet window: 500 ms after ready (and after the last long task) without a long task.
    await page.waitForTimeout(500)
    const result = await page.evaluate((readyMs) => {
      const w = window as unknown as { __longTasks: { start: number; end: number }[]; __lcp: number }
      let tti = readyMs
      for (const task of w.__longTasks) if (task.start < tti + 500 && task.end > tti) tti = task.end
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (r) => r.initiatorType === 'script' || r.name.endsWith('.js'),
      )
      return {
        tti,
        fcp,
        lcp: w.__lcp,
        jsTransferred: scripts.reduce((a, r) => a + r.transferSize, 0),
        jsRequests: scripts.length,
      }
    }, readyAt)
    samples.push({ ...result, ready: readyAt })
    await context.close()
  }
} finally {
  await browser.close()
  demo.kill('SIGINT')
  await new Promise((done) => demo.on('exit', done))
  rmSync(demoDir, { recursive: true, force: true })
}
const median = (key: keyof Sample) => {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

// ---- Report ----
console.log(`Machine: ${machine}\n`)
console.log('### JavaScript of the production build, by origin\n')
console.log(
  '| origin | first load (raw) | first load (gzip) | first load (brotli) | lazy (raw) | lazy (gzip) | lazy (brotli) |',
)
console.log('|---|---:|---:|---:|---:|---:|---:|')
for (const g of groups) {
  const f = table.first.get(g) ?? zero()
  const l = table.lazy.get(g) ?? zero()
  console.log(
    `| ${g} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} | ${kb(l.raw)} | ${kb(l.gzip)} | ${kb(l.brotli)} |`,
  )
}
console.log(
  `| **total** | ${kb(sum(table.first, 'raw'))} | ${kb(sum(table.first, 'gzip'))} | ${kb(sum(table.first, 'brotli'))} | ${kb(sum(table.lazy, 'raw'))} | ${kb(sum(table.lazy, 'gzip'))} | ${kb(sum(table.lazy, 'brotli'))} |`,
)
const share = (where: 'first' | 'lazy' | 'all', gs: Group[]) => {
  const maps = where === 'all' ? [table.first, table.lazy] : [table[where]]
  const part = maps.reduce((a, m) => a + gs.reduce((b, g) => b + (m.get(g)?.gzip ?? 0), 0), 0)
  const total = maps.reduce((a, m) => a + sum(m, 'gzip'), 0)
  return `${((100 * part) / total).toFixed(0)} %`
}
console.log(
  `\nKit share of the host app's JS (gzip): ${share('first', ['kit'])} of first load, ${share('all', ['kit'])} of all JS; kit + its dependencies: ${share('first', ['kit', 'kit dependencies'])} of first load, ${share('all', ['kit', 'kit dependencies'])} of all JS.\n`,
)
console.log('| chunk | loaded | raw | gzip | brotli |')
console.log('|---|---|---:|---:|---:|')
for (const row of chunkRows) console.log(row)
console.log(`\n### First load of #/settings on the demo (vite preview), Chromium, cold cache, ${RUNS} runs (medians)\n`)
console.log('| settings interactive (TTI) | controls enabled | FCP | LCP | JS transferred | JS requests |')
console.log('|---:|---:|---:|---:|---:|---:|')
console.log(
  `| ${median('tti').toFixed(0)} ms | ${median('ready').toFixed(0)} ms | ${median('fcp').toFixed(0)} ms | ${median('lcp').toFixed(0)} ms | ${kb(median('jsTransferred'))} | ${median('jsRequests')} |`,
)
