// Client throughput reading a 50,000-row result from the emulator, against plain fetch + JSON.parse of the same body
// in the same run. The emulator runs in its own process (its ClickHouse work stays off this event loop); runs are
// interleaved so machine noise hits both sides alike. Run: pnpm bench client-throughput
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createPostHogClient } from '../src/client/createPostHogClient'
import { RateLimiter } from '../src/client/limiter/RateLimiter'
import { toQueryResult } from '../src/client/resources/toQueryResult'
import { systemClock } from '../src/client/time/Clock'

const RUNS = 7
const ROWS = 50_000
const KEY = 'phx_demo_full_access'
// Typical: a UInt64 column with ordinary values (the fast path). Worst case: a UInt64 hash above 2^53 in every row,
// which sends the whole body through the exact-integer parser.
const SCENARIOS = [
  { name: 'typical (UInt64 values < 2^53)', id: 'toUInt64(toUnixTimestamp(timestamp))' },
  { name: 'worst case (UInt64 > 2^53 in every row)', id: 'cityHash64(uuid)' },
]
const hogqlFor = (id: string) =>
  `select uuid, event, distinct_id, timestamp, properties.$browser as browser, ${id} as id from events order by timestamp limit ${ROWS}`

async function startEmulatorProcess(size: number): Promise<{ url: string; child: ChildProcess }> {
  const cli = fileURLToPath(new URL('../../posthog-emulator/src/cli.ts', import.meta.url))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@statisfy/source', cli, '--port', '0', '--size', String(size)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
  })
  return { url, child }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const { url, child } = await startEmulatorProcess(200_000)
try {
  const endpoint = `${url}/api/projects/12345/query/`
  const client = createPostHogClient({
    apiHost: url,
    projectId: 12345,
    personalApiKey: KEY,
    limiter: new RateLimiter({ concurrency: 3, perMinute: 10_000, perHour: 100_000 }, systemClock),
  })
  const lines: string[] = []
  let bytes = 0
  for (const scenario of SCENARIOS) {
    const hogql = hogqlFor(scenario.id)
    const body = JSON.stringify({ query: { kind: 'HogQLQuery', query: hogql }, refresh: 'blocking' })
    const baseline = async () => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
        body,
      })
      const text = await response.text()
      const parsed = JSON.parse(text) as { results: unknown[] }
      return { rows: parsed.results.length, text }
    }
    // Warm both paths (JIT, connection pool, ClickHouse caches).
    const warm = await baseline()
    await client.query(hogql)
    if (warm.rows !== ROWS) throw new Error(`expected ${ROWS} rows, got ${warm.rows}`)
    bytes = warm.text.length

    const plain: number[] = []
    const ours: number[] = []
    // Alternate which side goes first, so garbage collection and server warm-up fall on both alike.
    for (let run = 0; run < RUNS * 2; run++) {
      const clientFirst = run % 2 === 1
      for (const side of clientFirst ? ['client', 'plain'] : ['plain', 'client']) {
        const t = performance.now()
        if (side === 'plain') await baseline()
        else if ((await client.query(hogql)).results.length !== ROWS) throw new Error('row count changed')
        ;(side === 'plain' ? plain : ours).push(performance.now() - t)
      }
    }
    // The client's own work on the same text, without network or emulator: JSON.parse alone vs the client's
    // JSON.parse + validation + wide-integer check (+ exact re-parse when needed) + shaping.
    const parseOnly: number[] = []
    const clientParse: number[] = []
    for (let run = 0; run < RUNS * 6; run++) {
      const clientFirst = run % 2 === 1
      for (const side of clientFirst ? ['client', 'plain'] : ['plain', 'client']) {
        const t = performance.now()
        const root: unknown = JSON.parse(warm.text)
        if (side === 'client') {
          const context = {
            text: warm.text,
            root,
            extract: (x: unknown) => x,
            wideIntegers: 'string' as const,
            query: hogql,
            queryId: null,
            elapsedMs: 0,
          }
          toQueryResult(root, context)
        }
        ;(side === 'plain' ? parseOnly : clientParse).push(performance.now() - t)
      }
    }
    const row = (name: string, ms: number, base: number) =>
      `| ${scenario.name} | ${name} | ${ms.toFixed(1)} | ${((ROWS / ms) * 1000).toFixed(0)} | ${(base / ms).toFixed(2)} |`
    lines.push(row('baseline: fetch + text + JSON.parse', median(plain), median(plain)))
    lines.push(row('**client.query** (end to end)', median(ours), median(plain)))
    lines.push(row('JSON.parse alone (no network)', median(parseOnly), median(parseOnly)))
    lines.push(row('client parsing alone (no network)', median(clientParse), median(parseOnly)))
  }
  console.log(
    `Result: ${ROWS} rows x 6 columns, ${(bytes / 1e6).toFixed(1)} MB of JSON; medians of ${RUNS * 2} interleaved runs, order alternating (parsing alone: ${RUNS * 6}).\n`,
  )
  console.log('| scenario | path | median ms | rows/s | throughput vs baseline |')
  console.log('|---|---|---|---|---|')
  for (const line of lines) console.log(line)
} finally {
  child.kill('SIGTERM')
}
