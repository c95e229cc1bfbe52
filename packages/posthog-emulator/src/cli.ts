#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { BERLIN_PROJECT_ID } from './emulator/projects'
import { startEmulator } from './emulator/startEmulator'

const usage = `Usage: posthog-emulator [--port 8010] [--host 127.0.0.1] [--data-dir DIR] [--seed 42] [--size 100000] [--end-date YYYY-MM-DD] [--cors]

A local stand-in for PostHog's query API on embedded ClickHouse, with a seeded dataset.`

// `pnpm start -- --port 1` forwards the `--` separator; drop it.
const argv = process.argv.slice(2)
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    port: { type: 'string', default: '8010' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    seed: { type: 'string', default: '42' },
    size: { type: 'string', default: '100000' },
    'end-date': { type: 'string' },
    cors: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})

if (values.help) {
  console.log(usage)
  process.exit(0)
}

const integer = (name: string, text: string): number => {
  if (!/^\d+$/.test(text)) {
    console.error(`--${name} must be a whole number, got "${text}".\n\n${usage}`)
    process.exit(2)
  }
  return Number(text)
}

// Not top-level await: the package also builds to CommonJS.
async function main(): Promise<void> {
  const started = Date.now()
  const emulator = await startEmulator({
    port: integer('port', values.port),
    host: values.host,
    seed: integer('seed', values.seed),
    size: integer('size', values.size),
    cors: values.cors,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values['end-date'] ? { endDate: values['end-date'] } : {}),
  }).catch((error: unknown) => {
    console.error(`posthog-emulator failed to start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })

  console.log(`PostHog emulator listening on ${emulator.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
    Project id:            ${emulator.projectId} (UTC)   second project: ${BERLIN_PROJECT_ID} (Europe/Berlin)
    Full-access key:       ${emulator.keys.full}
    Query-only key:        ${emulator.keys.queryOnly}
    No-query key:          ${emulator.keys.noQuery}
    Other-project key:     ${emulator.keys.otherProject}
    Revoked key:           ${emulator.keys.revoked}
    Project secret key:    ${emulator.keys.projectSecret}
    Dataset:               seed ${emulator.dataset.seed}, ${emulator.dataset.size} events, ${emulator.dataset.startDate} .. ${emulator.dataset.endDate}
    Try: curl -s ${emulator.url}/api/projects/${emulator.projectId}/query/ -H 'Authorization: Bearer ${emulator.keys.full}' -H 'Content-Type: application/json' -d '{"query":{"kind":"HogQLQuery","query":"select event, count() from events group by event"}}'`)

  const stop = () => {
    void emulator.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
