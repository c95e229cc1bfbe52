// Emulator latency of five product-usage aggregations over 1,000,000 events, through HTTP, against the same
// ClickHouse SQL run directly on chdb in the same process (the machine's baseline). Prints a markdown table.
import { acquireSession, releaseSession } from '../src/data/sharedSession'
import { startEmulator } from '../src/emulator/startEmulator'
import { compileHogQL } from '../src/hogql/compileHogQL'
import { querySettings } from '../src/query/executeClickHouse'

const RUNS = 7
const QUERIES: [string, string][] = [
  [
    'DAU per company (30 d)',
    'select toDate(timestamp) as day, $group_0 as org, count(distinct person_id) as dau from events where timestamp >= now() - interval 30 day group by day, org order by day, org limit 50000',
  ],
  [
    'feature events per week',
    "select toStartOfWeek(timestamp) as week, properties.feature as feature, count() as c from events where event = 'feature_used' group by week, feature order by week, feature limit 50000",
  ],
  [
    'MAU per plan (group join)',
    'select group_0.properties.plan as plan, uniq(person_id) as mau from events where timestamp >= now() - interval 30 day group by plan order by plan limit 100',
  ],
  [
    'last seen per person (person join)',
    'select person_id, person.properties.email as email, max(timestamp) as last_seen from events group by person_id, email order by last_seen desc limit 50000',
  ],
  [
    'weekly engaged vs active orgs',
    "select toStartOfWeek(timestamp) as week, uniqIf($group_0, event = 'feature_used') as engaged, uniq($group_0) as active from events group by week order by week limit 100",
  ],
]

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
  }
}

const setup = Date.now()
const emulator = await startEmulator({ size: 1_000_000 })
const setupMs = Date.now() - setup
const { session } = acquireSession()
const rows: string[] = []
for (const [label, query] of QUERIES) {
  const compiled = compileHogQL({
    query,
    teamId: emulator.projectId,
    timezone: 'UTC',
    database: emulator.dataset.database,
    rejectOffset: true,
  })
  const direct = `${compiled.sql} SETTINGS ${querySettings(10)}`
  const http: number[] = []
  const base: number[] = []
  for (let i = 0; i <= RUNS; i++) {
    let t = performance.now()
    const res = await fetch(`${emulator.url}/api/projects/${emulator.projectId}/query/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.keys.full}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: { kind: 'HogQLQuery', query } }),
    })
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status} ${await res.text()}`)
    await res.text()
    const httpMs = performance.now() - t
    t = performance.now()
    ;(await session.queryAsync(direct, { format: 'JSONCompact' })).text()
    const baseMs = performance.now() - t
    if (i > 0) {
      http.push(httpMs)
      base.push(baseMs)
    }
  }
  const h = stats(http)
  const b = stats(base)
  rows.push(
    `| ${label} | ${h.median.toFixed(0)} | ${h.p95.toFixed(0)} | ${b.median.toFixed(0)} | ${(h.median / b.median).toFixed(2)}x | ${h.median < 500 ? 'yes' : 'no'} |`,
  )
}
releaseSession()
await emulator.close()
console.log(
  `Dataset: 1,000,000 events (+200,000 in the Berlin project); ready in ${(setupMs / 1000).toFixed(1)} s (generated or loaded from cache). ${RUNS} runs after 1 warm-up.\n`,
)
console.log(
  '| Aggregation | HTTP median (ms) | HTTP p95 (ms) | chdb direct median (ms) | HTTP / direct | median < 500 ms |',
)
console.log('|---|---|---|---|---|---|')
for (const row of rows) console.log(row)
