// Reads 1,000,000 events through window paging ({period_start}/{period_end}, full windows split in halves) from the
// emulator, streaming pages without keeping them, and reports time and peak memory of the reading process (the
// emulator runs in another process, so its ClickHouse memory is not counted). Run: pnpm bench client-paging
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createPostHogClient } from '../src/client/createPostHogClient'
import { RateLimiter } from '../src/client/limiter/RateLimiter'
import { systemClock } from '../src/client/time/Clock'

const RUNS = 3
const EVENTS = 1_000_000
const KEY = 'phx_demo_full_access'
const HOGQL =
  'select uuid, event, distinct_id, timestamp from events where timestamp >= {period_start} and timestamp < {period_end} order by timestamp'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)

/**
 * The kernel's high-water mark of resident memory for this process, which also catches peaks inside a synchronous
 * JSON.parse. Linux's VmHWM belongs to the address space, so it starts afresh at exec; `maxRSS` (getrusage) survives
 * exec and can report the spawning parent's size instead, so it is only the fallback off Linux.
 */
function peakRssOfThisProcess(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8')
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]
    if (kb) return Number(kb) * 1024
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024
}

interface RunFigures {
  ms: number
  /** Plain fetch + JSON.parse of the same final windows (no limiter, validation, or splitting), same process. */
  baselineMs: number
  rows: number
  pages: number
  splits: number
  idleRss: number
  peakRss: number
}

/** One read of every row, in this process; prints its figures as JSON for the parent. */
async function readOnce(url: string, pageSize: number): Promise<RunFigures> {
  const client = createPostHogClient({
    apiHost: url,
    projectId: 12345,
    personalApiKey: KEY,
    limiter: new RateLimiter({ concurrency: 3, perMinute: 10_000, perHour: 100_000 }, systemClock),
  })
  const span = await client.query<[string, string]>('select min(timestamp), max(timestamp) from events')
  const [min, max] = span.results[0]!
  const window = { start: new Date(Date.parse(min)), end: new Date(Date.parse(max) + 1000) }
  const idleRss = process.memoryUsage().rss
  const started = performance.now()
  let rows = 0
  let pages = 0
  let splits = 0
  let sent = ''
  const windows: Array<{ start: Date; end: Date }> = []
  for await (const page of client.pages(HOGQL, { window, pageSize })) {
    rows += page.results.length
    pages++
    splits = page.splits
    sent = page.query
    if (page.window) windows.push(page.window)
  }
  const ms = performance.now() - started
  const peakRss = peakRssOfThisProcess()
  const baselineStarted = performance.now()
  let baselineRows = 0
  for (const w of windows) {
    const values = {
      period_start: w.start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      period_end: w.end.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }
    const response = await fetch(`${url}/api/projects/12345/query/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: { kind: 'HogQLQuery', query: sent, values }, refresh: 'blocking' }),
    })
    baselineRows += (JSON.parse(await response.text()) as { results: unknown[] }).results.length
  }
  const baselineMs = performance.now() - baselineStarted
  if (baselineRows !== rows) throw new Error(`baseline read ${baselineRows} rows, the client ${rows}`)
  // Taken before the baseline: the figure is the client's alone.
  return { ms, baselineMs, rows, pages, splits, idleRss, peakRss }
}

if (process.env.CLIENT_PAGING_URL) {
  console.log(
    JSON.stringify(await readOnce(process.env.CLIENT_PAGING_URL, Number(process.env.CLIENT_PAGING_PAGE_SIZE))),
  )
  process.exit(0)
}

// The emulator runs in this (parent) process with PostHog's rate limits raised, since the runs and their baselines
// together send more than 240 queries a minute; each run reads in a fresh child process, so every peak-memory
// figure belongs to one read of 1,000,000 rows by the client alone.
// Imported here only, so the reader processes never load chdb.
const { startEmulator } = await import('@statisfy/posthog-emulator')
const emulator = await startEmulator({
  size: EVENTS,
  rateLimits: { burstPerMinute: 100_000, sustainedPerHour: 1_000_000 },
})
const url = emulator.url
try {
  const configs = [49_999, 20_000]
  const lines: string[] = []
  for (const pageSize of configs) {
    const runs: RunFigures[] = []
    for (let run = 0; run < RUNS; run++) {
      const reader = spawn(
        process.execPath,
        ['--import', 'tsx', '--conditions=@statisfy/source', fileURLToPath(import.meta.url)],
        {
          env: { ...process.env, CLIENT_PAGING_URL: url, CLIENT_PAGING_PAGE_SIZE: String(pageSize) },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      let out = ''
      reader.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString()
      })
      const code = await new Promise<number | null>((resolve) => reader.once('exit', resolve))
      if (code !== 0) throw new Error(`reader exited with ${code}`)
      runs.push(JSON.parse(out.trim().split('\n').at(-1)!) as RunFigures)
    }
    const total = runs[0]!.rows
    if (runs.some((r) => r.rows !== total) || total < EVENTS)
      throw new Error(`row counts differ: ${runs.map((r) => r.rows)}`)
    const ms = median(runs.map((r) => r.ms))
    const baselineMs = median(runs.map((r) => r.baselineMs))
    lines.push(
      `| ${pageSize.toLocaleString('en-US')}${pageSize === 49_999 ? ' (default)' : ''} | ${(ms / 1000).toFixed(1)} s | ${((total / ms) * 1000).toFixed(0)} | ${(baselineMs / 1000).toFixed(1)} s | ${(baselineMs / ms).toFixed(2)} | ${median(runs.map((r) => r.pages))} / ${median(runs.map((r) => r.splits))} | ${mb(median(runs.map((r) => r.idleRss)))} MB | **${mb(median(runs.map((r) => r.peakRss)))} MB** (${runs.map((r) => mb(r.peakRss)).join(', ')}) |`,
    )
    if (pageSize === configs[0])
      console.log(
        `${total.toLocaleString('en-US')} rows (uuid, event, distinct_id, timestamp); medians of ${RUNS} runs per page size, each run in a fresh process.\n`,
      )
  }
  console.log(
    '| pageSize | time to read all | rows/s | baseline: plain fetch + JSON.parse of the same final windows | throughput vs baseline | pages / splits | RSS before | peak RSS (VmHWM; goal < 300 MB) |',
  )
  console.log('|---|---|---|---|---|---|---|---|')
  for (const line of lines) console.log(line)
} finally {
  await emulator.close()
}
