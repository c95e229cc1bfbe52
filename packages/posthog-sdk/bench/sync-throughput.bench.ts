// Benchmark: parse + map + resolve + write of 1,000,000 product-usage rows (20 PostHog-shaped JSON bodies of 50,000
// rows, as the client reads them page by page) through runSync, against bare JSON.parse of the same bodies in the
// same run. "Parse" is the client's: JSON.parse and the client's validation of the response (toQueryResult). Four
// result shapes, all serialised as PostHog answers a HogQLQuery:
// - reference: the body `shared/toolchain.md` measures its JSON.parse figure on (50k rows x 6 columns, ~16.6 MB):
//   per-event usage rows with the event's properties as a JSON string;
// - narrow: an aggregation by (org, minute, event) with 4 short columns;
// - typical: the same aggregation with UUID org ids, the org name and a second measure (6 columns);
// - per-event: raw events (uuid, distinct_id, timestamp with microseconds, event, $group_0, $current_url, a value),
//   the engine's worst case: no timestamp repeats.
// Sinks on the record path (`write`, one object per row): one that only counts (a host streaming batches to its
// database), one that keeps every record in an array, and the testing kit's in-memory upsert sink with its columnar
// path turned off. On the columnar path (`writeColumns`, reusable columns, no object per row): a counting sink, an
// in-memory sink that keeps every record (copies each batch's columns), and the in-memory upsert sink as shipped
// (`createMemoryRecordSink()`).
// CPU time of this process (user + system, GC threads included), wall time and main-thread GC pauses are measured;
// on a shared 2-core machine wall time mostly measures the neighbours.
//   pnpm bench sync     (or: npx tsx --conditions=@statisfy/source bench/sync-throughput.bench.ts [rows])
//   SYNC_BENCH_SHAPES=reference,typical SYNC_BENCH_STEPS=collectColumns pnpm bench sync   (a subset)
//   SYNC_BENCH_PROFILE=/tmp/prof pnpm bench sync   (CPU profiles of the measured runs, one file per shape)
// With the sync worker's larger young generation: NODE_OPTIONS=--max-semi-space-size=64 pnpm bench sync
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { PerformanceObserver, performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { toQueryResult } from '../src/client/resources/toQueryResult'
import { buildAccountIndex, createInMemoryDirectory } from '../src/resolve/index'
import { type RecordSink, runSync, type SyncQueryClient } from '../src/sync/index'
import { StringIds } from '../src/sync/StringIds'
import { DictionaryIds } from '../src/testing/DictionaryIds'
import { createMemoryRecordSink, exampleCatalog, productUsageQuery } from '../src/testing/index'

const TOTAL_ROWS = Number(process.argv[2] ?? 1_000_000)
const ROWS_PER_BODY = 50_000
const ACCOUNTS = 1_000
const RUNS = 5
const EVENTS = ['$pageview', 'report_exported', 'dashboard_created', 'export_scheduled', 'insight_viewed']
const WORDS = ['Blue', 'North', 'Quantum', 'Cedar', 'Harbor', 'Summit', 'Analytics', 'Logistics', 'Robotics', 'Systems']
const PATHS = ['/insights', '/dashboard/12', '/events', '/persons', '/replay/recent', '/feature_flags', '/experiments']

type Shape = 'reference' | 'narrow' | 'typical' | 'per_event'
const SHAPES: Record<Shape, { label: string; columns: [string, string][]; mapping: Mapping }> = {
  reference: {
    label:
      "reference body of `shared/toolchain.md` (50k rows x 6 columns, ~16.6 MB): per-event usage rows with the event's properties",
    columns: [
      ['uuid', 'UUID'],
      ['timestamp', "DateTime64(6, 'UTC')"],
      ['event', 'String'],
      ['org_id', 'String'],
      ['properties', 'String'],
      ['value', 'Float64'],
    ],
    mapping: { account: 'org_id', timestamp: 'timestamp', metric: 'event', value: 'value' },
  },
  narrow: {
    label: 'narrow aggregation: org id, minute, event, count',
    columns: [
      ['org_id', 'String'],
      ['minute', "DateTime64(6, 'UTC')"],
      ['metric', 'String'],
      ['value', 'UInt64'],
    ],
    mapping: { account: 'org_id', timestamp: 'minute', metric: 'metric', value: 'value' },
  },
  typical: {
    label: 'typical aggregation: UUID org id, org name, minute, event, count, users',
    columns: [
      ['org_id', 'String'],
      ['org_name', 'Nullable(String)'],
      ['minute', "DateTime64(6, 'UTC')"],
      ['metric', 'String'],
      ['value', 'UInt64'],
      ['users', 'UInt64'],
    ],
    mapping: { account: 'org_id', timestamp: 'minute', metric: 'metric', value: 'value' },
  },
  per_event: {
    label: 'per-event rows: uuid, distinct_id, timestamp (µs), event, $group_0, $current_url, value',
    columns: [
      ['uuid', 'UUID'],
      ['distinct_id', 'String'],
      ['timestamp', "DateTime64(6, 'UTC')"],
      ['event', 'String'],
      ['org_id', 'String'],
      ['current_url', 'Nullable(String)'],
      ['value', 'Int64'],
    ],
    mapping: { account: 'org_id', timestamp: 'timestamp', metric: 'event', value: 'value' },
  },
}
interface Mapping {
  account: string
  timestamp: string
  metric: string
  value: string
}

function uuid(seed: number, version: string): string {
  const hex =
    (Math.imul(seed, 2654435761) >>> 0).toString(16).padStart(8, '0') + (seed >>> 0).toString(16).padStart(4, '0')
  return `0188f6b1-${hex.slice(0, 4)}-${version}${hex.slice(4, 7)}-a${hex.slice(7, 10)}-${hex.padStart(12, '0').slice(-12)}`
}

function orgId(shape: Shape, i: number): string {
  return shape === 'narrow' ? `org_${i}` : uuid(i + 1, '7')
}

function row(shape: Shape, body: number, i: number): unknown[] {
  const base = Date.UTC(2025, 0, 1) + body * 86_400_000
  const account = i % ACCOUNTS
  const value = (i * 7919) % 5000
  if (shape === 'reference' || shape === 'per_event') {
    // One event every 1.7 s on average, microsecond timestamps as PostHog writes them: none repeats.
    const micros = Math.floor(i * 1_728_000 + ((i * 7919) % 1000))
    const at = new Date(base + Math.floor(micros / 1000))
      .toISOString()
      .replace('Z', `${String(micros % 1000).padStart(3, '0')}Z`)
    const event = EVENTS[(i * 31) % EVENTS.length]
    if (shape === 'reference') {
      // `properties` as PostHog returns the column: the event's properties as a JSON string.
      const properties = JSON.stringify({
        $current_url: `https://app.example.com${PATHS[i % PATHS.length]}?tab=${i % 5}`,
        $browser: i % 3 ? 'Chrome' : 'Firefox',
        $os: i % 2 ? 'Mac OS X' : 'Windows',
        $lib: 'web',
        $session_id: uuid(i >> 4, '7'),
        plan: account % 4 ? 'pro' : 'free',
        duration_ms: value,
      })
      return [uuid(body * ROWS_PER_BODY + i, '7'), at, event, orgId(shape, account), properties, value / 10]
    }
    return [
      uuid(body * ROWS_PER_BODY + i, '7'),
      `user_${(i * 13) % 20_000}@${WORDS[account % 10]?.toLowerCase()}-${account}.example.com`,
      at,
      event,
      orgId(shape, account),
      `https://app.example.com${PATHS[i % PATHS.length]}?tab=${i % 5}`,
      1,
    ]
  }
  const minute = Math.floor(i / (ACCOUNTS * EVENTS.length))
  const at = new Date(base + minute * 60_000).toISOString().replace('.000Z', 'Z')
  const metric = EVENTS[Math.floor(i / ACCOUNTS) % EVENTS.length]
  if (shape === 'narrow') return [orgId(shape, account), at, metric, value]
  const name = `${WORDS[account % 10]} ${WORDS[(account >> 3) % 10]} ${account} GmbH`
  return [orgId(shape, account), name, at, metric, value, value % 97]
}

/** A body as PostHog answers a HogQLQuery: results, columns, `[name, type]` pairs, timings and cache fields. */
function body(shape: Shape, index: number, rows: number): string {
  const { columns } = SHAPES[shape]
  return JSON.stringify({
    results: Array.from({ length: rows }, (_, i) => row(shape, index, i)),
    columns: columns.map((c) => c[0]),
    types: columns,
    hogql: `SELECT ${columns.map((c) => c[0]).join(', ')} FROM events LIMIT 50001`,
    clickhouse: 'SELECT ... FROM events WHERE equals(events.team_id, 1) LIMIT 50001',
    timings: [
      { k: './query', t: 0.01 },
      { k: './clickhouse_execute', t: 0.5 },
    ],
    hasMore: null,
    limit: null,
    offset: null,
    error: null,
    query_status: null,
    is_cached: false,
    timezone: 'UTC',
  })
}

/**
 * What the real client does with a body it read: `JSON.parse`, then its own validation and shaping
 * (`toQueryResult`: the response schema, the scan of wide-integer columns for values beyond 2^53, the row widths).
 */
function clientParse(text: string) {
  const root: unknown = JSON.parse(text)
  const context = { text, root, extract: (r: unknown) => r, wideIntegers: 'string' as const }
  const out = toQueryResult(root, { ...context, query: 'q', queryId: null, elapsedMs: 0 })
  if ('error' in out) throw out.error
  return out.result
}

/**
 * Stands in for the client's `pages()` without HTTP: each body goes through {@link clientParse} and is handed out
 * as a page. An iterator object rather than a generator, which would keep the page it yielded last alive while the
 * next body is parsed (the client's own `pages()` clears it; see readPages).
 */
function clientOf(bodies: readonly string[]): SyncQueryClient {
  const pageOf = (text: string, query: string) => {
    const { columns, types, results } = clientParse(text)
    return { columns, types, results, query, timings: [], splits: 0 }
  }
  return {
    pages(hogql) {
      let next = 0
      const iterator: AsyncIterableIterator<ReturnType<typeof pageOf>> = {
        async next() {
          const text = bodies[next++]
          return text === undefined ? { done: true, value: undefined } : { done: false, value: pageOf(text, hogql) }
        },
        [Symbol.asyncIterator]: () => iterator,
      }
      return iterator
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

/** A counting sink on the columnar path: product_usage arrives as columns, nothing is built per row. */
function countingColumnsSink(): RecordSink & { records: number } {
  return {
    records: 0,
    async write(batch) {
      this.records += batch.records.length
    },
    async writeColumns(batch) {
      this.records += batch.length
    },
  }
}

/** Records per chunk of {@link collectingColumnsSink}'s columns. */
const CHUNK = 1 << 16

/** One chunk of {@link collectingColumnsSink}'s columns. */
function columnChunk() {
  return {
    row: new Uint32Array(CHUNK),
    value: new Float64Array(CHUNK),
    time: new Float64Array(CHUNK),
    codes: [new Uint32Array(CHUNK), new Uint32Array(CHUNK), new Uint32Array(CHUNK)] as const,
  }
}

/**
 * An in-memory sink on the columnar path that keeps every record it is given (no upsert), as an in-memory column
 * store does: the string columns (account reference, account id, metric) dictionary-encoded in the store's own
 * dictionaries (the engine's codes translated with an array per run by the testing kit's `DictionaryIds`, each
 * distinct string hashed once), times as epoch milliseconds; rows, codes, times and values in typed arrays, in
 * chunks of 65,536 records (growing never copies).
 */
function collectingColumnsSink(): RecordSink & { records: number } {
  const chunks: ReturnType<typeof columnChunk>[] = []
  const names = ['accountRef', 'accountId', 'metric'] as const
  // Per column: the store's own ids, and the translation of a run's codes to them.
  const translations = names.map(() => new DictionaryIds(new StringIds()))
  return {
    records: 0,
    async write(batch) {
      this.records += batch.records.length
    },
    async writeColumns(batch) {
      for (let from = 0; from < batch.length; ) {
        const at = this.records % CHUNK
        if (at === 0) chunks.push(columnChunk())
        const chunk = chunks[chunks.length - 1] as ReturnType<typeof columnChunk>
        const n = Math.min(batch.length - from, CHUNK - at)
        chunk.row.set(batch.row.subarray(from, from + n), at)
        chunk.value.set(batch.value.subarray(from, from + n), at)
        chunk.time.set(batch.epochMs.subarray(from, from + n), at)
        for (let c = 0; c < names.length; c++) {
          const name = names[c] as (typeof names)[number]
          const dictionary = batch.dictionary[name]
          const translation = translations[c] as DictionaryIds
          const codes = batch.codes[name]
          const out = chunk.codes[c] as Uint32Array
          for (let i = 0; i < n; i++) out[at + i] = translation.idOf(dictionary, codes[from + i] as number)
        }
        this.records += n
        from += n
      }
    },
  }
}

/** A sink that keeps every record it is given in one array (no upsert). */
function arraySink(): RecordSink {
  const all: unknown[] = []
  return {
    async write(batch) {
      for (const record of batch.records) all.push(record)
    },
  }
}

interface Sample {
  cpu: number
  wall: number
  gc: number
}

function cpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

// A full collection before each measured step (not measured), so that no step pays for the garbage of the one
// before it (the upsert sink leaves a million records behind).
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

// Garbage-collection pauses of the main thread, summed per measured step.
let gcPauses = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses += entry.duration
}).observe({ entryTypes: ['gc'] })
const flushObserver = () => new Promise((resolve) => setImmediate(resolve))

async function measure(fn: () => unknown): Promise<Sample> {
  collectGarbage()
  await flushObserver()
  gcPauses = 0
  const cpu = cpuMs()
  const wall = performance.now()
  await fn()
  const sample = { cpu: cpuMs() - cpu, wall: performance.now() - wall }
  await flushObserver()
  return { ...sample, gc: gcPauses }
}

/**
 * SYNC_BENCH_PROFILE=dir writes a CPU profile of the measured runs (not the setup or warm-up) per shape into dir,
 * for Chrome DevTools or `node --cpu-prof`'s readers.
 */
async function startProfile() {
  const dir = process.env.SYNC_BENCH_PROFILE
  if (!dir) return undefined
  const session = new Session()
  session.connect()
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    )
  await post('Profiler.enable')
  await post('Profiler.start')
  return {
    async stop(shape: Shape) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown }
      await writeFile(join(dir, `sync-${shape}.cpuprofile`), JSON.stringify(profile))
      session.disconnect()
    },
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const ALL_STEPS = [
  'parse',
  'client',
  'counting',
  'array',
  'upsert',
  'countingColumns',
  'collectColumns',
  'upsertColumns',
] as const
type Step = (typeof ALL_STEPS)[number]
// SYNC_BENCH_STEPS / SYNC_BENCH_SHAPES (comma-separated) narrow a run down, e.g. for profiling one step.
const only = (name: string) => process.env[name]?.split(',').filter(Boolean)
const STEPS = ALL_STEPS.filter((step) => step === 'parse' || (only('SYNC_BENCH_STEPS')?.includes(step) ?? true))

async function bench(shape: Shape) {
  const bodies: string[] = []
  for (let done = 0; done < TOTAL_ROWS; done += ROWS_PER_BODY) {
    bodies.push(body(shape, bodies.length, Math.min(ROWS_PER_BODY, TOTAL_ROWS - done)))
  }
  const bytes = bodies.reduce((n, b) => n + b.length, 0)
  const directory = createInMemoryDirectory(
    Array.from({ length: ACCOUNTS }, (_, i) => ({ id: `acc_${i}`, name: `Company ${i}`, orgIds: [orgId(shape, i)] })),
  )
  const { mapping } = SHAPES[shape]
  const definition = productUsageQuery({
    hogql: 'select ... from events',
    mapping: {
      account: { resolver: 'org_id', column: mapping.account },
      timestampColumn: mapping.timestamp,
      valueColumn: mapping.value,
      metric: { column: mapping.metric },
    },
  })
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
  const run: Record<Step, () => unknown> = {
    parse: () => {
      for (const text of bodies) JSON.parse(text)
    },
    // What the real client does with each body after reading it: JSON.parse, then validation, the scan of wide
    // integer columns for values beyond 2^53 and result shaping (toQueryResult); no HTTP.
    client: () => {
      for (const text of bodies) clientParse(text)
    },
    counting: () => sync(countingSink()),
    array: () => sync(arraySink()),
    upsert: () => sync(createMemoryRecordSink({ columns: false })),
    countingColumns: () => sync(countingColumnsSink()),
    collectColumns: () => sync(collectingColumnsSink()),
    upsertColumns: () => sync(createMemoryRecordSink()),
  }
  // Warm-up of both paths.
  await sync(createMemoryRecordSink({ columns: false }))
  await sync(createMemoryRecordSink())
  const samples = Object.fromEntries(STEPS.map((step) => [step, [] as Sample[]])) as Record<Step, Sample[]>
  const profiler = await startProfile()
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so that the machine's state weighs on every step alike.
    for (const step of STEPS) samples[step].push(await measure(run[step]))
  }
  await profiler?.stop(shape)
  const medians = Object.fromEntries(
    STEPS.map((step) => [
      step,
      {
        cpu: median(samples[step].map((s) => s.cpu)),
        wall: median(samples[step].map((s) => s.wall)),
        gc: median(samples[step].map((s) => s.gc)),
      },
    ]),
  ) as Record<Step, Sample>
  return { shape, bytesPerRow: bytes / TOTAL_ROWS, megabytes: bytes / 1e6, medians }
}

const STEP_LABELS: Record<Step, string> = {
  parse: 'bare `JSON.parse` (baseline)',
  client: "client parse: `JSON.parse` + the client's validation (no engine)",
  counting: 'records: client parse → engine → counting sink (streams batches away)',
  array: 'records: client parse → engine → array-collecting sink (keeps every record)',
  upsert: 'records: client parse → engine → in-memory upsert sink (`createMemoryRecordSink({ columns: false })`)',
  countingColumns: 'columns: client parse → engine → counting sink (`writeColumns`)',
  collectColumns: 'columns: client parse → engine → in-memory column store keeping every record (`writeColumns`)',
  upsertColumns: 'columns: client parse → engine → in-memory upsert sink (`createMemoryRecordSink()`)',
}

const rate = (ms: number) => `${(((TOTAL_ROWS / ms) * 1000) / 1e6).toFixed(2)} M rows/s`
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')
console.log(
  `${TOTAL_ROWS.toLocaleString('en-US')} product-usage rows in ${Math.ceil(TOTAL_ROWS / ROWS_PER_BODY)} bodies of ${ROWS_PER_BODY.toLocaleString('en-US')}, ` +
    `${ACCOUNTS} accounts (org_id resolver), batches of 5,000, medians of ${RUNS} runs after a warm-up, Node ${process.version}, ` +
    `load average at start ${load()} (1 / 5 / 15 min), NODE_OPTIONS: ${process.env.NODE_OPTIONS || '(none)'}\n`,
)
console.log(
  '| result shape | step | CPU time | ratio (CPU) | wall time | ratio (wall) | GC pauses | throughput (CPU) |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const shape of (Object.keys(SHAPES) as Shape[]).filter((s) => only('SYNC_BENCH_SHAPES')?.includes(s) ?? true)) {
  const r = await bench(shape)
  const base = r.medians.parse
  STEPS.forEach((step, i) => {
    const m = r.medians[step]
    const label =
      i === 0 ? `${SHAPES[shape].label}; ${r.bytesPerRow.toFixed(0)} B/row, ${r.megabytes.toFixed(0)} MB` : ''
    console.log(
      `| ${label} | ${STEP_LABELS[step]} | ${m.cpu.toFixed(0)} ms | ${(base.cpu / m.cpu).toFixed(2)} | ${m.wall.toFixed(0)} ms | ${(base.wall / m.wall).toFixed(2)} | ${m.gc.toFixed(0)} ms | ${rate(m.cpu)} |`,
    )
  })
}
console.log(
  `\nLoad average at the end: ${load()}. Ratio = JSON.parse-alone time / step time (goal for the engine: >= 0.6).`,
)
