// Cost of PostHog's WebAssembly HogQL parser as the emulator uses it: bundle size on disk (the WASM is inlined in the
// JS), init time in fresh processes, and parse + convert + print time of typical queries. Prints a markdown table.
import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { compileHogQL } from '../src/hogql/compileHogQL'
import { hogqlParser, loadHogQLParser } from '../src/hogql/parser/loadHogQLParser'

const INIT_RUNS = 7
const PARSE_RUNS = 200
const QUERIES: [string, string][] = [
  ['simple aggregation', 'select event, count() from events group by event order by count() desc limit 10'],
  [
    'product-usage query (CTE, join, window)',
    "with active as (select person_id, $group_0 as org, max(timestamp) as last_seen from events where timestamp >= {period_start} and event != '$pageview' group by person_id, org) select org, p.properties.email as email, splitByChar('@', email)[2] as domain, last_seen, row_number() over (partition by org order by last_seen desc) as rank from active as a left join persons as p on a.person_id = p.id where rank <= 5 order by org, rank limit 1000",
  ],
]

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const entry = createRequire(import.meta.url).resolve('@posthog/hogql-parser')
const esm = join(dirname(entry), 'hogql_parser_wasm.js')
const bytes = statSync(esm).size
const gzipped = gzipSync(readFileSync(esm)).length

// Init in fresh processes: a warm process would only measure the cache.
const inits: number[] = []
for (let i = 0; i < INIT_RUNS; i++) {
  const script = `const t=performance.now();const m=await import(${JSON.stringify(esm)});await m.default();console.log(performance.now()-t)`
  inits.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })))
}

await loadHogQLParser()
const rows: string[] = []
for (const [name, query] of QUERIES) {
  const text = query.replace('{period_start}', "'2026-01-01'")
  const parse: number[] = []
  const compile: number[] = []
  for (let i = 0; i < PARSE_RUNS + 20; i++) {
    let t = performance.now()
    hogqlParser().parseSelect(text)
    const raw = performance.now() - t
    t = performance.now()
    compileHogQL({ query: text, teamId: 1, timezone: 'UTC', database: 'db', rejectOffset: false })
    // The first 20 runs warm the JIT up.
    if (i >= 20) {
      parse.push(raw)
      compile.push(performance.now() - t)
    }
  }
  rows.push(`| ${name} | ${text.length} | ${median(parse).toFixed(2)} | ${median(compile).toFixed(2)} |`)
}

console.log(
  `Parser module: ${(bytes / 1024 / 1024).toFixed(2)} MB on disk (${(gzipped / 1024).toFixed(0)} KB gzipped), WebAssembly inlined`,
)
console.log(
  `Init (fresh process, import + instantiate), ${INIT_RUNS} runs: median ${median(inits).toFixed(1)} ms, min ${Math.min(...inits).toFixed(1)} ms, max ${Math.max(...inits).toFixed(1)} ms\n`,
)
console.log('| Query | chars | parseSelect median (ms) | parse + convert + print median (ms) |')
console.log('| --- | --- | --- | --- |')
for (const row of rows) console.log(row)
