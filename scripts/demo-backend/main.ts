// The demo's host backend: the PostHog emulator in-process, and createPostHogHandler() mounted under /api/posthog on
// a Node HTTP server, with in-memory ports. Storybook's dev server proxies /api/posthog here (.storybook/main.ts), so
// the "Live" stories use the real api client, handler, sync engine and emulator. For `pnpm demo`; not for production.
//
// Imports are relative paths into the packages' sources: the repository root is not a workspace package, so the
// `@statisfy/*` names do not resolve from here. Run with `tsx --conditions=@statisfy/source` like the emulator's CLI.
import { createServer } from 'node:http'
// What the demo "Statisfy" can write: the sync worker's default catalog (the fields and object type the mapping
// editor offers).
import { defaultCatalog } from '../../apps/sync-worker/src/config/defaultCatalog'
import { startEmulator } from '../../packages/posthog-emulator/src/index'
import { createPostHogClient } from '../../packages/posthog-sdk/src/client/index'
import type { QueryDefinition } from '../../packages/posthog-sdk/src/config/index'
import { createInMemoryDirectory } from '../../packages/posthog-sdk/src/resolve/index'
import { POSTHOG_KEY_SECRET } from '../../packages/posthog-sdk/src/server/handler/RouteContext'
import {
  createMemoryConnectionStore,
  createMemoryQueryStore,
  createMemoryRunStore,
  createMemorySecretBlobStorage,
  createPostHogHandler,
  createSealingSecretStore,
  createStaticCatalog,
  type HostGuardOptions,
  toNodeHandler,
} from '../../packages/posthog-sdk/src/server/index'
import { createDemoScheduler } from './createDemoScheduler'

const EMULATOR_PORT = 8010
const BACKEND_PORT = 8020
const BASE_PATH = '/api/posthog'
const TENANT_ID = 'demo'

// DEMO ONLY: a fixed, public sealing key (32 ASCII bytes). A host generates its own (`openssl rand -base64 32`) and
// keeps it in its secret manager; with this one anybody can open the sealed PostHog keys.
const DEMO_SEALING_KEY = new TextEncoder().encode('statisfy-demo-key-NOT-A-SECRET!!')

// A saved query the page opens with: daily events per organisation (group type 0), incremental by window.
const exampleQuery: QueryDefinition = {
  version: 1,
  id: 'daily-usage',
  name: 'Daily events per organisation',
  type: 'product_usage',
  hogql: `select $group_0 as org_id, toStartOfDay(timestamp) as day, event as metric, count() as value
from events
where timestamp >= {period_start} and timestamp < {period_end} and $group_0 != ''
group by org_id, day, metric`,
  // Counted per day: windows start at the project's midnight, so a day is always read whole.
  grain: 'day',
  mapping: {
    account: { resolver: 'org_id', column: 'org_id' },
    timestampColumn: 'day',
    valueColumn: 'value',
    metric: { column: 'metric' },
  },
  cadence: { kind: 'daily', at: '02:00', timeZone: 'UTC' },
  enabled: true,
}

const emulator = await startEmulator({ port: EMULATOR_PORT, cors: false })

// The demo's accounts: one per company the emulator seeded (group type 0), keyed by the product's org id, so every
// resolver (org_id, crm_id, email_domain, account_name) can match PostHog rows.
const admin = createPostHogClient({
  apiHost: emulator.url,
  projectId: emulator.projectId,
  personalApiKey: emulator.keys.full,
})
const { results: companies } = await admin.query<[string, string, string, string]>(
  'select key, properties.name, properties.domain, properties.crm_id from groups where index = 0 limit 1000',
)
const directory = createInMemoryDirectory(
  companies.map(([orgId, name, domain, crmId]) => ({
    id: `acc_${orgId}`,
    name,
    domains: [domain],
    crmIds: [crmId],
    orgIds: [orgId],
  })),
)

// The emulator listens on plain http on loopback, which the API-host guard refuses unless allowed.
const hostGuard: HostGuardOptions = { allowHttp: true, allowHosts: ['127.0.0.1'] }
const stores = {
  connections: createMemoryConnectionStore(),
  queries: createMemoryQueryStore(),
  runs: createMemoryRunStore(),
}
const secrets = createSealingSecretStore({
  keys: [{ id: 'demo', key: DEMO_SEALING_KEY }],
  currentKeyId: 'demo',
  storage: createMemorySecretBlobStorage(),
})
const catalogProvider = createStaticCatalog(defaultCatalog)
const handler = createPostHogHandler({
  // Single-tenant demo: every request is the "demo" organisation. A host looks up its session here.
  authorize: () => ({ tenantId: TENANT_ID }),
  stores,
  secrets,
  directory: () => directory,
  catalog: catalogProvider,
  scheduler: createDemoScheduler({
    ...stores,
    secrets,
    catalog: catalogProvider,
    directory: () => directory,
    hostGuard,
    keySecretName: POSTHOG_KEY_SECRET,
  }),
  hostGuard,
  basePath: BASE_PATH,
  logger: {
    debug() {},
    info() {},
    warn: (message, fields) => console.warn(message, fields ?? ''),
    error: (message, fields) => console.error(message, fields ?? ''),
  },
})

// Pre-save the connection (a query-only key, as the product asks users for) and the example query through the
// handler itself, so they pass the same checks as from the page, and the page opens connected.
async function call(method: string, path: string, body: unknown) {
  const response = await handler(
    new Request(`http://127.0.0.1${BASE_PATH}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
}
await call('PUT', '/connection', {
  apiHost: emulator.url,
  projectId: emulator.projectId,
  personalApiKey: emulator.keys.queryOnly,
})
await call('PUT', `/queries/${exampleQuery.id}`, { definition: exampleQuery })

const nodeHandler = toNodeHandler(handler)
const server = createServer((req, res) => {
  if (req.url?.startsWith(`${BASE_PATH}/`)) return void nodeHandler(req, res)
  res.writeHead(404, { 'content-type': 'text/plain' }).end(`The demo backend serves ${BASE_PATH}/ only.\n`)
})
server.listen(BACKEND_PORT, '127.0.0.1', () => {
  console.log(`PostHog emulator on ${emulator.url} (project ${emulator.projectId}, ${companies.length} companies)`)
  console.log(`Demo backend ready on http://127.0.0.1:${BACKEND_PORT}${BASE_PATH} (tenant "${TENANT_ID}")`)
})

async function shutdown() {
  server.close()
  await emulator.close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
