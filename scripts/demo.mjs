// `pnpm demo`: the kit as a customer-success product embeds it, on the real sync worker. Starts three processes:
//   1. the PostHog emulator (seeded dataset, cached in the demo folder),
//   2. `sync-worker serve` on its SQLite file in the demo folder (saved queries, schedules, history and imported data
//      survive a restart of the demo),
//   3. the playground (apps/playground, Vite), whose dev server proxies /api to the worker with the demo tenant's
//      token, as a host backend puts its own session check in front of the worker.
// Prints one URL. Ctrl-C stops the playground, then the worker (gracefully: it checkpoints the page in hand), then
// the emulator. Each child runs in its own process group, so stopping it also stops what it spawned.
//
// Environment (all optional): DEMO_DIR (default .demo), DEMO_PORT (playground, 5173), DEMO_WORKER_PORT (8030),
// DEMO_EMULATOR_PORT (8010). The end-to-end tests start the demo on other ports and folders this way.
// DEMO_PLAYGROUND=preview serves the playground's production build (`vite build` with the variables below, then
// `vite preview`, same proxy) instead of the dev server; the playground's bench measures first load this way.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const demoDir = resolve(root, process.env.DEMO_DIR ?? '.demo')
const ports = {
  playground: Number(process.env.DEMO_PORT ?? 5173),
  worker: Number(process.env.DEMO_WORKER_PORT ?? 8030),
  emulator: Number(process.env.DEMO_EMULATOR_PORT ?? 8010),
}
const TENANT = 'demo'
const started = Date.now()
mkdirSync(demoDir, { recursive: true })

const workerBin = join(root, 'apps/sync-worker/bin/sync-worker.mjs')
const workerEnv = {
  ...process.env,
  SYNC_WORKER_SQLITE: join(demoDir, 'sync-worker.db'),
  PORT: String(ports.worker),
  HOST: '127.0.0.1',
  // The emulator listens on plain http on loopback, which the worker's API-host guard refuses unless allowed.
  SYNC_WORKER_ALLOW_HTTP: '1',
  SYNC_WORKER_ALLOW_HOSTS: '127.0.0.1,localhost',
  // Runs and their outcomes are on the page; the terminal shows the worker's warnings and errors.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
}
for (const name of ['DATABASE_URL', 'REDIS_URL', 'SYNC_WORKER_QUEUE']) delete workerEnv[name]

/** Runs a sync-worker command to completion and returns its --json output. */
function workerCommand(args) {
  const run = spawnSync(process.execPath, [workerBin, ...args, '--json'], { env: workerEnv, encoding: 'utf8' })
  if (run.status !== 0) fail(`sync-worker ${args.join(' ')} failed:\n${run.stderr || run.stdout}`)
  return JSON.parse(run.stdout)
}

const children = []
let stopping = false

/** Starts a long-running child whose output is prefixed with its name; its exit stops the demo. */
function start(name, command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options })
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}\n`)
      .join('')
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)))
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)))
  child.exited = new Promise((done) => child.on('exit', done))
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`[${name}] exited (${signal ?? code}); stopping the demo.`)
    void stop(1)
  })
  children.push({ name, child })
  return child
}

/** Polls a URL until it answers 2xx, or fails the demo after `timeoutMs`. */
async function waitUntilUp(what, url, headers = {}, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    // Stopping: never resolve, so nothing after the wait runs while the demo shuts down.
    if (stopping) return new Promise(() => {})
    try {
      const response = await fetch(url, { headers })
      if (response.ok) return response
    } catch {}
    await new Promise((done) => setTimeout(done, 200))
  }
  fail(`${what} did not come up on ${url} within ${timeoutMs / 1000} s (see its output above).`)
}

function fail(message) {
  console.error(`Demo failed: ${message}`)
  void stop(1)
  throw new Error(message)
}

/** Stops the children in reverse order of dependency, each by its process group, waiting for each to exit. */
async function stop(code) {
  if (stopping) return
  stopping = true
  for (const { child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
    const exited = await Promise.race([child.exited.then(() => true), sleep(35_000).then(() => false)])
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
    }
  }
  process.exit(code)
}
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

// 1. The emulator, and (meanwhile) the demo tenant in the worker's database with a fresh token for the proxy.
const emulatorUrl = `http://127.0.0.1:${ports.emulator}`
start(
  'emulator',
  process.execPath,
  [
    // Each large answer allocates tens of MB; a larger young generation halves the emulator's GC (its README).
    '--max-semi-space-size=64',
    '--conditions=@statisfy/source',
    '--import',
    'tsx',
    join(root, 'packages/posthog-emulator/src/cli.ts'),
    '--port',
    String(ports.emulator),
    '--data-dir',
    join(demoDir, 'emulator'),
  ],
  { cwd: root },
)
workerCommand(['tenants', 'add', TENANT, '--name', 'Statisfy demo'])
const { token } = workerCommand(['tenants', 'token', TENANT])
// Storybook's "Live" stories proxy to the same worker with this token (.storybook/main.ts).
writeFileSync(join(demoDir, 'token'), token, { mode: 0o600 })
// The emulator's demo keys are fixed and printed by its CLI; this one reads the project like any PostHog client.
const FULL_KEY = 'phx_demo_full_access'
const project = await (
  await waitUntilUp('The PostHog emulator', `${emulatorUrl}/api/projects/@current/`, {
    authorization: `Bearer ${FULL_KEY}`,
  })
).json()

// 2. The demo's accounts: one per paying company the emulator seeded (group type 0), keyed by the product's org id, so
// every resolver (org_id, crm_id, email_domain, account_name) can match PostHog rows. Free-plan organisations are left
// out, as a customer-success product holds its customers only: their rows are what a run rejects and explains ("match
// no account"), and the mapping's match rate is below 100 % as it is on real data.
const companies = await emulatorQuery(
  "select key, properties.name, properties.domain, properties.crm_id from groups where index = 0 and properties.plan != 'free' limit 1000",
)
const accountsFile = join(demoDir, 'accounts.json')
writeFileSync(
  accountsFile,
  JSON.stringify(
    companies.map(([orgId, name, domain, crmId]) => ({
      id: `acc_${orgId}`,
      name,
      domains: [domain],
      crmIds: [crmId],
      orgIds: [orgId],
    })),
  ),
)
workerCommand(['accounts', 'import', TENANT, '--file', accountsFile])

// 3. The worker, then the playground in front of it.
start('worker', process.execPath, [workerBin, 'serve'], { env: workerEnv, cwd: root })
await waitUntilUp('The sync worker', `http://127.0.0.1:${ports.worker}/readyz`)
const playgroundUrl = `http://127.0.0.1:${ports.playground}/`
const playgroundEnv = {
  ...process.env,
  PLAYGROUND_PORT: String(ports.playground),
  PLAYGROUND_API_URL: `http://127.0.0.1:${ports.worker}`,
  PLAYGROUND_API_TOKEN: token,
  // First visit: the connect form is filled with the emulator and its query-only key (what the product asks for).
  VITE_POSTHOG_HOST: emulatorUrl,
  VITE_POSTHOG_PROJECT_ID: String(project.id),
  VITE_POSTHOG_KEY: 'phx_demo_query_read',
}
const preview = process.env.DEMO_PLAYGROUND === 'preview'
if (preview) {
  // VITE_* values are baked in at build time, so the build gets the same variables as the dev server would.
  const built = spawnSync('pnpm', ['--filter', '@statisfy/playground', 'build'], {
    cwd: root,
    env: playgroundEnv,
    stdio: 'inherit',
  })
  if (built.status !== 0) fail('the playground build failed (see its output above).')
}
start('playground', 'pnpm', ['--filter', '@statisfy/playground', preview ? 'preview' : 'dev'], {
  cwd: root,
  env: playgroundEnv,
})
await waitUntilUp('The playground', playgroundUrl)

console.log(`
Demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open ${playgroundUrl}
  (the sync worker keeps its data in ${join(demoDir, 'sync-worker.db')}; Ctrl-C stops everything)`)

/** Rows of a HogQL query on the emulator's demo project, with its full-access key. */
async function emulatorQuery(hogql) {
  const response = await fetch(`${emulatorUrl}/api/projects/${project.id}/query/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${FULL_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: { kind: 'HogQLQuery', query: hogql } }),
  })
  if (!response.ok) fail(`the emulator refused the accounts query: ${response.status} ${await response.text()}`)
  return (await response.json()).results
}
