// Cost of the host handler's own work (routing, authorize, zod parsing, catalog check, in-memory stores, JSON) and of
// sealing a key, each next to a baseline measured in the same run on the same machine. No PostHog calls: those are
// network-bound and measured by the client benchmarks. Run: pnpm bench server
import { createInMemoryDirectory } from '../src/resolve/index'
import {
  createHostGuard,
  createMemoryConnectionStore,
  createMemoryQueryStore,
  createMemoryRunStore,
  createMemoryScheduler,
  createMemorySecretBlobStorage,
  createPostHogHandler,
  createSealingSecretStore,
  createStaticCatalog,
} from '../src/server/index'
import { exampleCatalog, productUsageQuery } from '../src/testing/index'

const RUNS = 5
const OPS = 5_000

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1] as number
}

async function opsPerSecond(op: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await op(i) // warm-up
  const rates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    for (let i = 0; i < OPS; i++) await op(i)
    rates.push(OPS / ((performance.now() - started) / 1000))
  }
  return median(rates)
}

const handler = createPostHogHandler({
  authorize: (request) => ({ tenantId: request.headers.get('x-tenant') ?? 'acme' }),
  stores: {
    connections: createMemoryConnectionStore(),
    queries: createMemoryQueryStore(),
    runs: createMemoryRunStore(),
  },
  secrets: createSealingSecretStore({
    keys: [{ id: 'k', key: crypto.getRandomValues(new Uint8Array(32)) }],
    currentKeyId: 'k',
    storage: createMemorySecretBlobStorage(),
  }),
  directory: () => createInMemoryDirectory([]),
  catalog: createStaticCatalog(exampleCatalog),
  scheduler: createMemoryScheduler(),
})
const catalogBody = JSON.stringify({ catalog: exampleCatalog })
const baselineHandler = async (request: Request) => {
  await request.text()
  return new Response(catalogBody, { headers: { 'content-type': 'application/json' } })
}
const definition = productUsageQuery({ id: 'q1', hogql: 'select 1' })
const saveBody = JSON.stringify({ definition })

const rows: string[][] = []
const row = (what: string, rate: number, baseline: number, baselineName: string) =>
  rows.push([
    what,
    Math.round(rate).toLocaleString('en-US'),
    `${baselineName}: ${Math.round(baseline).toLocaleString('en-US')}`,
    (rate / baseline).toPrecision(2),
  ])

const bareGet = await opsPerSecond(async () =>
  (await baselineHandler(new Request('http://h/api/posthog/catalog'))).text(),
)
row(
  'GET /catalog through the handler',
  await opsPerSecond(async () => (await handler(new Request('http://h/api/posthog/catalog'))).text()),
  bareGet,
  'bare Fetch handler answering the same JSON',
)
const barePut = await opsPerSecond(async () =>
  (await baselineHandler(new Request('http://h/api/posthog/queries/q1', { method: 'PUT', body: saveBody }))).text(),
)
row(
  'PUT /queries/:id (zod definition, catalog check, store, scheduler)',
  await opsPerSecond(async () =>
    (
      await handler(
        new Request('http://h/api/posthog/queries/q1', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: saveBody,
        }),
      )
    ).text(),
  ),
  barePut,
  'bare Fetch handler reading the same body',
)

const key = await crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), 'AES-GCM', false, [
  'encrypt',
  'decrypt',
])
const plaintext = new TextEncoder().encode('phx_0123456789abcdefghijklmnopqrstuvwxyzABCD')
const rawCrypto = await opsPerSecond(async () => {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext)
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed)
})
const store = createSealingSecretStore({
  keys: [{ id: 'k', key: crypto.getRandomValues(new Uint8Array(32)) }],
  currentKeyId: 'k',
  storage: createMemorySecretBlobStorage(),
})
row(
  'sealing store put + get (AES-256-GCM)',
  await opsPerSecond(async (i) => {
    await store.put(`tenant-${i % 100}`, 'posthog', 'phx_0123456789abcdefghijklmnopqrstuvwxyzABCD')
    return store.get(`tenant-${i % 100}`, 'posthog')
  }),
  rawCrypto,
  'raw crypto.subtle encrypt + decrypt',
)

const guard = createHostGuard({ resolve: async () => ['34.120.0.10', '2600:1901:0:1::10'] })
const parseOnly = await opsPerSecond(async () => new URL('https://us.posthog.com'))
row(
  'host guard check (resolved name, 2 addresses)',
  await opsPerSecond(() => guard.check('https://us.posthog.com')),
  parseOnly,
  'new URL() alone',
)

console.log(`Node ${process.version}, ${RUNS} runs × ${OPS.toLocaleString('en-US')} ops, medians (ops/s)\n`)
console.log('| what | ops/s | baseline ops/s | ratio |')
console.log('|---|---:|---|---:|')
for (const cells of rows) console.log(`| ${cells.join(' | ')} |`)
