// Benchmark: parse + map + resolve + write of 1,000,000 product-usage rows (20 PostHog-shaped JSON bodies of 50,000
// rows) into the in-memory sink, against bare JSON.parse of the same bodies in the same run.
//   pnpm bench sync            (or: npx tsx --conditions=@statisfy/source bench/sync-throughput.bench.ts [rows])
import { performance } from 'node:perf_hooks'
import { buildAccountIndex, createInMemoryDirectory } from '../src/resolve/index'
import { type RecordSink, runSync, type SyncQueryClient } from '../src/sync/index'
import { createMemoryRecordSink, exampleCatalog, productUsageQuery } from '../src/testing/index'

const TOTAL_ROWS = Number(process.argv[2] ?? 1_000_000)
const ROWS_PER_BODY = 50_000
const ACCOUNTS = 1_000
const METRICS = ['events', 'active_users', 'exports', 'api_calls', 'seats_used']
const RUNS = 5

/** A body as PostHog answers a HogQLQuery: results, columns, types pairs, timings and the cache fields. */
function body(index: number, rows: number): string {
  const results: unknown[][] = []
  const base = Date.UTC(2025, 0, 1) + index * 86_400_000
  for (let i = 0; i < rows; i++) {
    const minute = Math.floor(i / (ACCOUNTS * METRICS.length))
    const at = new Date(base + minute * 60_000).toISOString().replace('Z', '000Z')
    results.push([`org_${i % ACCOUNTS}`, at, METRICS[Math.floor(i / ACCOUNTS) % METRICS.length], (i * 7919) % 5000])
  }
  return JSON.stringify({
    results,
    columns: ['org_id', 'minute', 'metric', 'value'],
    types: [
      ['org_id', 'String'],
      ['minute', "DateTime64(6, 'UTC')"],
      ['metric', 'String'],
      ['value', 'UInt64'],
    ],
    hogql: 'SELECT org_id, minute, metric, value FROM usage LIMIT 50000',
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

const bodies: string[] = []
for (let done = 0; done < TOTAL_ROWS; done += ROWS_PER_BODY)
  bodies.push(body(bodies.length, Math.min(ROWS_PER_BODY, TOTAL_ROWS - done)))
const megabytes = bodies.reduce((n, b) => n + b.length, 0) / 1e6

const directory = createInMemoryDirectory(
  Array.from({ length: ACCOUNTS }, (_, i) => ({ id: `acc_${i}`, name: `Company ${i}`, orgIds: [`org_${i}`] })),
)

/** A client whose pages() parses each body as the HTTP client does after reading it, and yields it as a page. */
const client: SyncQueryClient = {
  async *pages(hogql) {
    for (const text of bodies) {
      const parsed = JSON.parse(text) as Body
      yield {
        columns: parsed.columns,
        types: parsed.types.map((pair) => pair[1]),
        results: parsed.results,
        query: hogql,
        timings: [],
        splits: 0,
      }
    }
  },
}

const definition = productUsageQuery({
  hogql: 'select org_id, minute, metric, value from usage',
  mapping: {
    account: { resolver: 'org_id', column: 'org_id' },
    timestampColumn: 'minute',
    valueColumn: 'value',
    metric: { column: 'metric' },
  },
})

function parseOnly(): number {
  let rows = 0
  for (const text of bodies) rows += (JSON.parse(text) as Body).results.length
  return rows
}

/** A sink that only counts, standing in for a host sink that streams batches to its database. */
function countingSink(): RecordSink {
  let records = 0
  return {
    async write(batch) {
      records += batch.records.length
      if (records < 0) throw new Error('unreachable')
    },
  }
}

async function pipeline(sink: RecordSink): Promise<number> {
  const accounts = await buildAccountIndex(directory, { resolvers: ['org_id'] })
  const report = await runSync(definition, { client, sink, catalog: exampleCatalog, accounts }, { batchSize: 5000 })
  if (report.status !== 'succeeded' || report.counts.written !== TOTAL_ROWS) {
    throw new Error(`unexpected run: ${report.status} ${JSON.stringify(report.counts)} ${report.error?.message ?? ''}`)
  }
  return report.counts.written
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

const parseTimes: number[] = []
const memoryTimes: number[] = []
const countingTimes: number[] = []
await pipeline(createMemoryRecordSink()) // warm-up: JIT and the index code paths
for (let run = 0; run < RUNS; run++) {
  // Interleaved so machine noise (a shared machine) hits all three alike.
  parseTimes.push(await time(parseOnly))
  memoryTimes.push(await time(() => pipeline(createMemoryRecordSink())))
  countingTimes.push(await time(() => pipeline(countingSink())))
}
const parseMs = median(parseTimes)
const memoryMs = median(memoryTimes)
const countingMs = median(countingTimes)
const rate = (ms: number) => `${(((TOTAL_ROWS / ms) * 1000) / 1e6).toFixed(2)} M rows/s`

console.log(
  `${TOTAL_ROWS.toLocaleString('en-US')} rows in ${bodies.length} bodies (${megabytes.toFixed(1)} MB), ${ACCOUNTS} accounts, median of ${RUNS} runs, Node ${process.version}\n`,
)
console.log('| step | median | throughput | ratio to JSON.parse |')
console.log('|---|---|---|---|')
console.log(`| bare JSON.parse (baseline) | ${parseMs.toFixed(0)} ms | ${rate(parseMs)} | 1.00 |`)
console.log(
  `| parse + map + resolve + write into the in-memory upsert sink (keeps all records) | ${memoryMs.toFixed(0)} ms | ${rate(memoryMs)} | ${(parseMs / memoryMs).toFixed(2)} (goal >= 0.6) |`,
)
console.log(
  `| parse + map + resolve + write into a counting sink (engine cost alone) | ${countingMs.toFixed(0)} ms | ${rate(countingMs)} | ${(parseMs / countingMs).toFixed(2)} |`,
)
