// Sync throughput: 1,000,000 product-usage rows (the emulator's 1M events, per organisation, event and second) synced
// end to end by the real `sync-worker run` in a child process: PostHog pages over HTTP from the emulator (its own process), the
// client's parse, mapping, account resolution, and the worker's sink writing each page, its progress and the
// watermark in one transaction. Against it, in the same run, the fastest raw load of the same rows (read back from
// the synced table) into the same schema, on a fresh database each time:
// - SQLite: one prepared `insert … on conflict do update` statement, one transaction per 50,000 rows (better-sqlite3);
// - PostgreSQL: multi-row `insert … values … on conflict` (1,000 rows a statement), `insert … select from unnest(…)`
//   (10,000 rows a statement), and `COPY` into a staging table then one `insert … select … on conflict`, each in one
//   transaction per 50,000 rows; the fastest of the three is the baseline.
// Goals (the issue): SQLite ratio >= 0.5 with the worker's peak RSS under 400 MB; PostgreSQL ratio >= 0.5.
// The sync's rate is rows written over the run's own duration (its ledger record); the process's start (Node, tsx,
// migrations) is shown beside it. Peak RSS is the worker process's VmHWM. Rounds are interleaved (sync, then raw),
// so noise from the machine's neighbours falls on both sides alike.
//   pnpm bench sync   (or: npx tsx --conditions=@statisfy/source bench/sync-throughput.bench.ts)
//   BENCH_ROWS=200000 BENCH_ROUNDS=1 BENCH_DIALECTS=sqlite pnpm bench sync   (smaller, one dialect)
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { DEFAULT_PROJECT_ID } from '@statisfy/posthog-emulator'
import { createPostHogClient } from '@statisfy/posthog-sdk'
import { keyHint, POSTHOG_KEY_SECRET } from '@statisfy/posthog-sdk/server'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { type DatabaseConfig, openDatabase } from '../src/db/openDatabase'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { startPrivatePostgres } from '../test/privatePostgres'
import { perEventQuery, SEALING_KEY, TENANT } from '../test/workerHarness'
import { spawnWorker, workerEnv } from '../test/workerProcess'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>
const KEY = 'phx_demo_full_access'
const PAGE = 50_000
const COLUMNS = ['tenant_id', 'account_id', 'metric', 'ts', 'ts_ms', 'value', 'query_id', 'run_id'] as const
const UPSERT_TAIL = `on conflict (tenant_id, account_id, metric, ts) do update set value = excluded.value,
  ts_ms = excluded.ts_ms, query_id = excluded.query_id, run_id = excluded.run_id
  where product_usage.value is distinct from excluded.value`

// Usage per organisation, event and second: one row per event but for the few events of one organisation and name
// in the same second (PostHog's timestamps here have whole seconds), which count together.
const BENCH_QUERY = perEventQuery({
  hogql: `select $group_0 as org_id, timestamp as ts, event as metric, count() as value
from events where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''
group by org_id, ts, metric`,
})

/** The synced rows, column by column, as the raw loads write them. */
type Rows = { [C in (typeof COLUMNS)[number]]: Array<string | number> }

async function startEmulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const cli = fileURLToPath(new URL('../../../packages/posthog-emulator/src/cli.ts', import.meta.url))
  const child = spawn(
    process.execPath,
    // PostHog's own servers do this work in production; a larger young generation halves the stand-in's GC.
    [
      '--max-semi-space-size=64',
      '--import',
      'tsx',
      '--conditions=@statisfy/source',
      cli,
      '--port',
      '0',
      '--size',
      String(ROWS),
      '--seed',
      '42',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`The emulator exited with ${code} before listening.`)))
  })
  return { url, child }
}

/** A fresh, migrated database with the tenant connected to the emulator and its companies as accounts. */
async function seededDatabase(kind: 'sqlite' | 'postgres', emulatorUrl: string, postgresUrl: string | null) {
  const config = await freshDatabase(kind, postgresUrl)
  const database = await openDatabase(config)
  try {
    const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
    await stores.tenants.put({ id: TENANT, name: 'Acme', trackingEnabled: true })
    await stores.connections.put(TENANT, {
      apiHost: emulatorUrl,
      projectId: DEFAULT_PROJECT_ID,
      keyHint: keyHint(KEY),
      updatedAt: new Date().toISOString(),
    })
    await stores.secrets.put(TENANT, POSTHOG_KEY_SECRET, KEY)
    const admin = createPostHogClient({ apiHost: emulatorUrl, projectId: DEFAULT_PROJECT_ID, personalApiKey: KEY })
    const { results } = await admin.query<[string, string, string]>(
      'select key, properties.name, properties.domain from groups where index = 0 limit 1000',
    )
    await stores.accounts.upsertMany(
      TENANT,
      results.map(([orgId, name, domain]) => ({ id: `acc_${orgId}`, name, domains: [domain], orgIds: [orgId] })),
    )
    const now = new Date().toISOString()
    await stores.queries.put(TENANT, { definition: BENCH_QUERY, createdAt: now, updatedAt: now })
  } finally {
    await database.close()
  }
  return config
}

let databases = 0
async function freshDatabase(kind: 'sqlite' | 'postgres', postgresUrl: string | null): Promise<DatabaseConfig> {
  if (kind === 'sqlite') return { kind, path: join(mkdtempSync(join(tmpdir(), 'sync-bench-')), 'worker.db') }
  if (!postgresUrl) throw new Error('No PostgreSQL for the bench.')
  const name = `bench_${process.pid}_${databases++}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  return { kind, url: postgresUrl.replace(/\/[^/]*$/, `/${name}`) }
}

/** The peak resident set of a process so far (VmHWM), in bytes; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

interface SyncResult {
  written: number
  runMs: number
  posthogMs: number
  processMs: number
  peakRssBytes: number
}

/** `sync-worker run per-event --json` to its end, with the process's peak RSS sampled every 50 ms. */
async function syncOnce(config: DatabaseConfig): Promise<SyncResult> {
  const started = performance.now()
  const worker = spawnWorker(['run', 'per-event', '--json'], workerEnv(config, { LOG_LEVEL: 'warn' }))
  const pid = worker.child.pid ?? 0
  let stdout = ''
  worker.child.stdout?.on('data', (chunk) => {
    stdout += chunk
  })
  let peak = 0
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakRss(pid))
  }, 50)
  const code = await worker.exited
  clearInterval(sampler)
  const processMs = performance.now() - started
  if (code !== 0) throw new Error(`sync-worker run exited with ${code}:\n${worker.output().slice(-3000)}`)
  const run = JSON.parse(stdout)
  if (run.status !== 'succeeded')
    throw new Error(
      `The run ended ${run.status}: ${JSON.stringify({ error: run.error, counts: run.counts, reasons: run.reasons })}`,
    )
  return {
    written: run.counts.written,
    runMs: run.durationMs,
    posthogMs: run.posthog.elapsedMs,
    processMs,
    peakRssBytes: peak,
  }
}

/** The synced table, read back as the rows the raw loads write. */
async function readSynced(config: DatabaseConfig): Promise<Rows> {
  const database = await openDatabase(config)
  try {
    const rows = await database.db.selectFrom('product_usage').select(COLUMNS).execute()
    const out = Object.fromEntries(COLUMNS.map((c) => [c, [] as Array<string | number>])) as Rows
    for (const row of rows) for (const c of COLUMNS) out[c].push(c === 'ts_ms' ? Number(row[c]) : row[c])
    return out
  } finally {
    await database.close()
  }
}

const pages = (count: number) =>
  Array.from({ length: Math.ceil(count / PAGE) }, (_, i) => [i * PAGE, Math.min(count, (i + 1) * PAGE)] as const)

/** Raw SQLite upsert: a prepared statement, one transaction per page. Returns the load's milliseconds. */
async function rawSqlite(rows: Rows): Promise<number> {
  const config = await freshDatabase('sqlite', null)
  const database = await openDatabase(config)
  try {
    const sqlite = database.sqlite
    if (!sqlite) throw new Error('No SQLite handle.')
    const statement = sqlite.prepare(
      `insert into product_usage (${COLUMNS.join(', ')}) values (?, ?, ?, ?, ?, ?, ?, ?) ${UPSERT_TAIL}`,
    )
    const load = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++)
        statement.run(
          rows.tenant_id[i],
          rows.account_id[i],
          rows.metric[i],
          rows.ts[i],
          rows.ts_ms[i],
          rows.value[i],
          rows.query_id[i],
          rows.run_id[i],
        )
    })
    const started = performance.now()
    for (const [from, to] of pages(rows.ts.length)) load(from, to)
    return performance.now() - started
  } finally {
    await database.close()
  }
}

type PgMethod = 'multi-row insert' | 'unnest' | 'copy + upsert'

/** One raw PostgreSQL load by the method into a fresh migrated database. Returns the load's milliseconds. */
async function rawPostgres(rows: Rows, method: PgMethod, postgresUrl: string): Promise<number> {
  const config = await freshDatabase('postgres', postgresUrl)
  await (await openDatabase(config)).close()
  if (config.kind !== 'postgres') throw new Error('unreachable')
  const client = new pg.Client({ connectionString: config.url })
  await client.connect()
  try {
    const count = rows.ts.length
    const started = performance.now()
    for (const [from, to] of pages(count)) {
      await client.query('begin')
      if (method === 'multi-row insert') {
        for (let at = from; at < to; at += 1000) {
          const end = Math.min(to, at + 1000)
          const values: Array<string | number> = []
          const tuples: string[] = []
          for (let i = at; i < end; i++) {
            const base = values.length
            for (const c of COLUMNS) values.push(rows[c][i] as string | number)
            tuples.push(`(${COLUMNS.map((_, k) => `$${base + k + 1}`).join(', ')})`)
          }
          await client.query(
            `insert into product_usage (${COLUMNS.join(', ')}) values ${tuples.join(', ')} ${UPSERT_TAIL}`,
            values,
          )
        }
      } else if (method === 'unnest') {
        for (let at = from; at < to; at += 10_000) {
          const end = Math.min(to, at + 10_000)
          await client.query(
            `insert into product_usage (${COLUMNS.join(', ')})
             select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::float8[], $7::text[], $8::text[])
             ${UPSERT_TAIL}`,
            COLUMNS.map((c) => rows[c].slice(at, end)),
          )
        }
      } else {
        await client.query('create temp table staging (like product_usage) on commit drop')
        const lines: string[] = []
        for (let i = from; i < to; i++)
          lines.push(COLUMNS.map((c) => copyText(rows[c][i] as string | number)).join('\t'))
        await pipeline(
          [`${lines.join('\n')}\n`],
          client.query(copyFrom(`copy staging (${COLUMNS.join(', ')}) from stdin`)),
        )
        await client.query(
          `insert into product_usage (${COLUMNS.join(', ')}) select ${COLUMNS.join(', ')} from staging ${UPSERT_TAIL}`,
        )
      }
      await client.query('commit')
    }
    return performance.now() - started
  } finally {
    await client.end()
  }
}

// COPY's text format: backslash, tab, newline and carriage return are escaped.
const copyText = (value: string | number) =>
  String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c)

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000)
const thousands = (n: number) => new Intl.NumberFormat('en-US').format(Math.round(n))

const load = loadavg()
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${load.map((l) => l.toFixed(2)).join(' ')} at start (shared with other work)`,
)
console.log(
  `${thousands(ROWS)} product-usage rows (the emulator's events per organisation, event and second), ${ROUNDS} rounds\n`,
)
const emulator = await startEmulatorProcess()
const postgres = DIALECTS.includes('postgres') ? await startPrivatePostgres() : null
const summary: string[] = []
try {
  for (const kind of DIALECTS) {
    const syncs: SyncResult[] = []
    const raws: Record<string, number[]> = {}
    const ratios: number[] = []
    let rows: Rows | null = null
    for (let round = 1; round <= ROUNDS; round++) {
      const config = await seededDatabase(kind, emulator.url, postgres?.url ?? null)
      const sync = await syncOnce(config)
      syncs.push(sync)
      rows ??= await readSynced(config)
      if (rows.ts.length !== sync.written)
        throw new Error(`The run wrote ${sync.written} rows but the table holds ${rows.ts.length}.`)
      const methods: Array<PgMethod | 'prepared upsert'> =
        kind === 'sqlite' ? ['prepared upsert'] : ['multi-row insert', 'unnest', 'copy + upsert']
      let fastest = 0
      for (const method of methods) {
        const ms =
          method === 'prepared upsert' ? await rawSqlite(rows) : await rawPostgres(rows, method, postgres?.url ?? '')
        const rowsPerSecond = rate(rows.ts.length, ms)
        raws[method] = [...(raws[method] ?? []), rowsPerSecond]
        fastest = Math.max(fastest, rowsPerSecond)
      }
      const syncRate = rate(sync.written, sync.runMs)
      ratios.push(syncRate / fastest)
      console.log(
        `${kind} round ${round}: sync ${thousands(syncRate)} rows/s (run ${(sync.runMs / 1000).toFixed(1)} s, of it PostHog ${(sync.posthogMs / 1000).toFixed(1)} s; process ${(sync.processMs / 1000).toFixed(1)} s; peak RSS ${Math.round(sync.peakRssBytes / 2 ** 20)} MB); raw ${Object.entries(
          raws,
        )
          .map(([method, values]) => `${method} ${thousands(values.at(-1) ?? 0)} rows/s`)
          .join(', ')}; ratio ${(syncRate / fastest).toFixed(2)}`,
      )
    }
    const written = syncs[0]?.written ?? 0
    summary.push(
      `| ${kind} | ${thousands(written)} | ${thousands(median(syncs.map((s) => rate(s.written, s.runMs))))} | ${(median(syncs.map((s) => s.posthogMs)) / 1000).toFixed(1)} s of ${(median(syncs.map((s) => s.runMs)) / 1000).toFixed(1)} s | ${Object.entries(
        raws,
      )
        .map(([method, values]) => `${method} ${thousands(median(values))}`)
        .join(
          '; ',
        )} | ${median(ratios).toFixed(2)} (${ratios.map((r) => r.toFixed(2)).join(', ')}) | ${Math.round(Math.max(...syncs.map((s) => s.peakRssBytes)) / 2 ** 20)} MB |`,
    )
  }
} finally {
  emulator.child.kill('SIGTERM')
  postgres?.stop()
}
console.log(
  '\n| database | rows | sync rows/s (median) | in PostHog requests | raw load rows/s (median) | ratio, median (rounds) | worker peak RSS (max) |',
)
console.log('|---|---|---|---|---|---|---|')
for (const line of summary) console.log(line)
