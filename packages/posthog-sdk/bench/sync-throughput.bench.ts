// Benchmark: parse + map + resolve + write of 1,000,000 product-usage rows (20 PostHog-shaped JSON bodies of 50,000
// rows, as the client reads them page by page) through runSync, against bare JSON.parse of the same bodies in the
// same run. Two result shapes: a narrow one (4 short columns) and a typical aggregated one (6 columns, UUID org ids).
// CPU time of this process is measured (user + system, GC threads included): on a shared 2-core machine wall time
// mostly measures the neighbours.
//   pnpm bench sync     (or: npx tsx --conditions=@statisfy/source bench/sync-throughput.bench.ts [rows])
import { buildAccountIndex, createInMemoryDirectory } from '../src/resolve/index'
import { type RecordSink, runSync, type SyncQueryClient } from '../src/sync/index'
import { createMemoryRecordSink, exampleCatalog, productUsageQuery } from '../src/testing/index'

const TOTAL_ROWS = Number(process.argv[2] ?? 1_000_000)
const ROWS_PER_BODY = 50_000
const ACCOUNTS = 1_000
const RUNS = 5
const EVENTS = ['$pageview', 'report_exported', 'dashboard_created', 'export_scheduled', 'insight_viewed']
const WORDS = ['Blue', 'North', 'Quantum', 'Cedar', 'Harbor', 'Summit', 'Analytics', 'Logistics', 'Robotics', 'Systems']

type Shape = 'narrow' | 'typical'

function orgId(shape: Shape, i: number): string {
  if (shape === 'narrow') return `org_${i}`
  const hex = (i * 2654435761).toString(16).padStart(12, '0').slice(-12)
  return `0188f6b1-${hex.slice(0, 4)}-7${hex.slice(4, 7)}-a${hex.slice(7, 10)}-${hex}`
}

/** A body as PostHog answers a HogQLQuery: results, columns, `[name, type]` pairs, timings and cache fields. */
function body(shape: Shape, index: number, rows: number): string {
  const results: unknown[][] = []
  const base = Date.UTC(2025, 0, 1) + index * 86_400_000
  for (let i = 0; i < rows; i++) {
    const account = i % ACCOUNTS
    const minute = Math.floor(i / (ACCOUNTS * EVENTS.length))
    const at = new Date(base + minute * 60_000).toISOString().replace('.000Z', 'Z')
    const metric = EVENTS[Math.floor(i / ACCOUNTS) % EVENTS.length]
    const value = (i * 7919) % 5000
    results.push(
      shape === 'narrow'
        ? [orgId(shape, account), at, metric, value]
        : [
            orgId(shape, account),
            `${WORDS[account % 10]} ${WORDS[(account >> 3) % 10]} ${account} GmbH`,
            at,
            metric,
            value,
            value % 97,
          ],
    )
  }
  const columns =
    shape === 'narrow'
      ? [
          ['org_id', 'String'],
          ['minute', "DateTime64(6, 'UTC')"],
          ['metric', 'String'],
          ['value', 'UInt64'],
        ]
      : [
          ['org_id', 'String'],
          ['org_name', 'Nullable(String)'],
          ['minute', "DateTime64(6, 'UTC')"],
          ['metric', 'String'],
          ['value', 'UInt64'],
          ['users', 'UInt64'],
        ]
  return JSON.stringify({
    results,
    columns: columns.map((c) => c[0]),
    types: columns,
    hogql: 'SELECT org_id, minute, metric, value FROM usage LIMIT 50001',
    timings: [{ k: './clickhouse_execute', t: 0.5 }],
    hasMore: null,
    limit: null,
    offset: null,
    error: null,
    query_status: null,
    is_cached: false,
    timezone: 'UTC',
  })
}

type Body = { results: unknown[][]; columns: string[]; types: [string, string][] }

/** A client whose pages() parses each body as the HTTP client does after reading it, and yields it as a page. */
function clientOf(bodies: readonly string[]): SyncQueryClient {
  return {
    async *pages(hogql) {
      for (const text of bodies) {
        const parsed = JSON.parse(text) as Body
        const types = parsed.types.map((pair) => pair[1])
        yield { columns: parsed.columns, types, results: parsed.results, query: hogql, timings: [], splits: 0 }
      }
    },
  }
}

/** A sink that only counts, standing in for a host sink that streams batches to its database. */
function countingSink(): RecordSink & { records: number } {
  return {
    records: 0,
    async write(batch) {
      this.records += batch.records.length
    },
  }
}

const definition = productUsageQuery({
  hogql: 'select ... from events group by org_id, minute, metric',
  mapping: {
    account: { resolver: 'org_id', column: 'org_id' },
    timestampColumn: 'minute',
    valueColumn: 'value',
    metric: { column: 'metric' },
  },
})

function cpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

async function measure(fn: () => unknown): Promise<number> {
  const start = cpuMs()
  await fn()
  return cpuMs() - start
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

async function bench(shape: Shape) {
  const bodies: string[] = []
  for (let done = 0; done < TOTAL_ROWS; done += ROWS_PER_BODY) {
    bodies.push(body(shape, bodies.length, Math.min(ROWS_PER_BODY, TOTAL_ROWS - done)))
  }
  const bytes = bodies.reduce((n, b) => n + b.length, 0)
  const directory = createInMemoryDirectory(
    Array.from({ length: ACCOUNTS }, (_, i) => ({ id: `acc_${i}`, name: `Company ${i}`, orgIds: [orgId(shape, i)] })),
  )
  const client = clientOf(bodies)
  const sync = async (sink: RecordSink) => {
    // The index is built inside the measured run, as every sync builds its own.
    const accounts = await buildAccountIndex(directory, { resolvers: ['org_id'] })
    const report = await runSync(definition, { client, sink, catalog: exampleCatalog, accounts }, { batchSize: 5000 })
    if (report.status !== 'succeeded' || report.counts.written !== TOTAL_ROWS) {
      throw new Error(
        `unexpected run: ${report.status} ${JSON.stringify(report.counts)} ${report.error?.message ?? ''}`,
      )
    }
  }
  const parse = () => {
    for (const text of bodies) JSON.parse(text)
  }
  await sync(createMemoryRecordSink()) // warm-up
  const times = { parse: [] as number[], memory: [] as number[], counting: [] as number[] }
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so that the machine's state weighs on the three alike.
    times.parse.push(await measure(parse))
    times.memory.push(await measure(() => sync(createMemoryRecordSink())))
    times.counting.push(await measure(() => sync(countingSink())))
  }
  return {
    shape,
    bytesPerRow: bytes / TOTAL_ROWS,
    megabytes: bytes / 1e6,
    parse: median(times.parse),
    memory: median(times.memory),
    counting: median(times.counting),
  }
}

const rate = (ms: number) => `${(((TOTAL_ROWS / ms) * 1000) / 1e6).toFixed(2)} M rows/s`
console.log(
  `${TOTAL_ROWS.toLocaleString('en-US')} product-usage rows in ${Math.ceil(TOTAL_ROWS / ROWS_PER_BODY)} bodies of ${ROWS_PER_BODY.toLocaleString('en-US')}, ` +
    `${ACCOUNTS} accounts (org_id resolver), median CPU time of ${RUNS} runs after a warm-up, Node ${process.version}\n`,
)
console.log('| result shape | step | CPU time | throughput | ratio to JSON.parse (goal >= 0.6) |')
console.log('|---|---|---|---|---|')
for (const shape of ['narrow', 'typical'] as const) {
  const r = await bench(shape)
  const label =
    shape === 'narrow'
      ? `narrow: 4 columns, ${r.bytesPerRow.toFixed(0)} B/row, ${r.megabytes.toFixed(0)} MB`
      : `typical: 6 columns (UUID org id, name, minute, metric, value, users), ${r.bytesPerRow.toFixed(0)} B/row, ${r.megabytes.toFixed(0)} MB`
  console.log(`| ${label} | bare \`JSON.parse\` (baseline) | ${r.parse.toFixed(0)} ms | ${rate(r.parse)} | 1.00 |`)
  console.log(
    `| | parse + map + resolve + write, in-memory upsert sink | ${r.memory.toFixed(0)} ms | ${rate(r.memory)} | ${(r.parse / r.memory).toFixed(2)} |`,
  )
  console.log(
    `| | parse + map + resolve + write, counting sink (engine alone) | ${r.counting.toFixed(0)} ms | ${rate(r.counting)} | ${(r.parse / r.counting).toFixed(2)} |`,
  )
}
