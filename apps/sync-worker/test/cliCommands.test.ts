// Smoke tests of the real `sync-worker` commands as child processes (bin/sync-worker.mjs, as a user runs it):
// what they print on stdout and stderr, `--json` that parses and says what happened, exit codes, and that no output
// ever carries the tenant's PostHog key.
import type { Emulator } from '@statisfy/posthog-emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../src/config/defaultCatalog'
import { type DatabaseConfig, openDatabase } from '../src/db/openDatabase'
import { createWorkerStores } from '../src/store/createWorkerStores'
import { createTestDatabaseConfig, dialects } from './testDatabases'
import { dailyUsageQuery, SEALING_KEY, seedTenant, startTestEmulator, TENANT } from './workerHarness'
import { type CliResult, runCli, workerEnv } from './workerProcess'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startTestEmulator()
})
afterAll(() => emulator?.close())

// Every output of the file, for the check that the key never appears.
const outputs: CliResult[] = []
async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const result = await runCli(args, env)
  outputs.push(result)
  return result
}

function json<T>(result: CliResult): T {
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as T
}

describe.each(dialects)('sync-worker migrate on %s', (kind) => {
  it('migrates a fresh database once, then reports it up to date', async () => {
    const env = workerEnv(await createTestDatabaseConfig(kind))
    const first = json<{ applied: string[] }>(await cli(['migrate', '--json'], env))
    expect(first.applied.length).toBeGreaterThan(0)
    const again = await cli(['migrate'], env)
    expect(again).toMatchObject({ code: 0, stdout: 'The schema is up to date.\n' })
  }, 60_000)
})

describe('sync-worker tenants on sqlite', () => {
  it('adds, lists and issues tokens for tenants, and switches tracking', async () => {
    const config = await createTestDatabaseConfig('sqlite')
    const env = workerEnv(config)
    const added = await cli(['tenants', 'add', 'acme', '--name', 'Acme Inc.'], env)
    expect(added.code).toBe(0)
    expect(added.stdout).toContain('tenant acme added; issue a token with `sync-worker tenants token acme`')
    expect(await cli(['tenants', 'add', 'globex'], env)).toMatchObject({ code: 0 })
    expect(json(await cli(['tenants', '--json'], env))).toMatchObject([
      { id: 'acme', name: 'Acme Inc.', trackingEnabled: true, hasToken: false },
      { id: 'globex', name: 'globex', trackingEnabled: true, hasToken: false },
    ])
    expect((await cli(['tenants'], env)).stdout).toBe('acme  Acme Inc.  tracking on\nglobex  globex  tracking on\n')

    const { id, token } = json<{ id: string; token: string }>(await cli(['tenants', 'token', 'acme', '--json'], env))
    expect(id).toBe('acme')
    expect(token).toMatch(/^sfw_[A-Za-z0-9_-]{32}$/)
    const database = await openDatabase(config)
    try {
      const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
      expect((await stores.tenants.findByToken(token))?.id).toBe('acme')
    } finally {
      await database.close()
    }
    const off = await cli(['tenants', 'tracking', 'globex', 'off'], env)
    expect(off).toMatchObject({ code: 0, stdout: 'activity tracking off for globex\n' })
    expect(json(await cli(['tenants', '--json'], env))).toMatchObject([
      { id: 'acme', trackingEnabled: true, hasToken: true },
      { id: 'globex', trackingEnabled: false, hasToken: false },
    ])

    const missing = await cli(['tenants', 'token', 'nobody'], env)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("No tenant 'nobody'. Add it with `sync-worker tenants add nobody`.")
  }, 90_000)
})

describe('sync-worker run, runs and backfill on sqlite', () => {
  let config: DatabaseConfig
  let env: NodeJS.ProcessEnv
  beforeAll(async () => {
    config = await createTestDatabaseConfig('sqlite')
    env = workerEnv(config)
    const database = await openDatabase(config)
    try {
      const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
      await seedTenant(stores, emulator)
      const now = new Date().toISOString()
      await stores.queries.put(TENANT, { definition: dailyUsageQuery(), createdAt: now, updatedAt: now })
    } finally {
      await database.close()
    }
  })

  it('runs a query: parseable JSON with the report, a summary for people, no progress line on a pipe', async () => {
    const run = json<{ id: string; status: string; counts: { read: number; written: number }; queryId: string }>(
      await cli(['run', 'daily-usage', '--json'], env),
    )
    expect(run).toMatchObject({ status: 'succeeded', queryId: 'daily-usage', trigger: 'manual' })
    expect(run.counts.read).toBeGreaterThan(100)
    const database = await openDatabase(config)
    try {
      const stores = createWorkerStores(database, { sealingKey: SEALING_KEY, catalog: defaultCatalog })
      expect((await stores.data.checksum(TENANT)).counts.product_usage).toBe(run.counts.written)
    } finally {
      await database.close()
    }

    // Again: it reads from the first run's watermark to now, where the emulator has no events.
    const plain = await cli(['run', 'daily-usage'], env)
    expect(plain.code, plain.stderr).toBe(0)
    const lines = plain.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^run_\S+ Daily events per organisation: succeeded in \d+\.\d s$/)
    expect(lines[1]).toBe('  read 0, written 0, rejected 0 (unmatched 0, ambiguous 0)')
    expect(plain.stdout).toMatch(/\n {2}window \S+ \.\. \S+\n/)
    expect(plain.stdout).toMatch(/\n {2}PostHog: [1-9]\d* requests?, \d+\.\d s\n$/)
    // stderr is a pipe here: the progress line (redrawn with \r on a TTY) stays off, only JSON log lines remain.
    expect(plain.stderr).not.toContain('\r')
    for (const line of plain.stderr.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow()

    const history = json<{ runs: { id: string; status: string; queryId: string }[]; nextCursor: string | null }>(
      await cli(['runs', '--query', 'daily-usage', '--json'], env),
    )
    expect(history.runs.map((r) => [r.queryId, r.status])).toEqual([
      ['daily-usage', 'succeeded'],
      ['daily-usage', 'succeeded'],
    ])
    expect(history.runs[1]?.id).toBe(run.id)
    expect(json<{ runs: unknown[] }>(await cli(['runs', '--query', 'other', '--json'], env)).runs).toEqual([])
  }, 90_000)

  it('backfills a range in 7-day chunks, one run each, and reports them', async () => {
    const result = await cli(
      ['backfill', 'daily-usage', '--from', '2026-09-01', '--to', '2026-09-22', '--tenant', TENANT, '--json'],
      env,
    )
    const state = json<{ status: string; chunks: { start: string; end: string; status: string; runId: string }[] }>(
      result,
    )
    expect(state.status).toBe('succeeded')
    expect(state.chunks.map((c) => [c.start.slice(0, 10), c.end.slice(0, 10), c.status])).toEqual([
      ['2026-09-01', '2026-09-08', 'succeeded'],
      ['2026-09-08', '2026-09-15', 'succeeded'],
      ['2026-09-15', '2026-09-22', 'succeeded'],
    ])
    const history = json<{ runs: { id: string; trigger: string }[] }>(await cli(['runs', '--json'], env))
    for (const chunk of state.chunks) expect(history.runs.find((r) => r.id === chunk.runId)?.trigger).toBe('backfill')
  }, 90_000)

  it('answers usage mistakes with what to do and exit code 2, bad settings with 78', async () => {
    const unknownCommand = await cli(['sync'], env)
    expect(unknownCommand.code).toBe(2)
    expect(unknownCommand.stderr).toContain("Unknown command 'sync'.")
    expect(unknownCommand.stderr).toContain('Usage: sync-worker <command>')
    const unknownFlag = await cli(['runs', '--nope'], env)
    expect(unknownFlag.code).toBe(2)
    expect(unknownFlag.stderr).toContain("Unknown option '--nope'")
    expect(unknownFlag.stderr).toContain('Usage: sync-worker <command>')
    const noCommand = await cli([], env)
    expect(noCommand).toMatchObject({ code: 2, stdout: '' })
    expect(noCommand.stderr).toContain('Usage: sync-worker <command>')
    expect(await cli(['--help'], env)).toMatchObject({ code: 0, stderr: '' })
    const noQuery = await cli(['run'], env)
    expect(noQuery.code).toBe(2)
    expect(noQuery.stderr).toContain('Name the query to run: sync-worker run <query>')
    const badDate = await cli(['backfill', 'daily-usage', '--from', 'yesterday', '--to', '2026-10-01'], env)
    expect(badDate.code).toBe(2)
    expect(badDate.stderr).toContain(
      "--from must be a date or an ISO 8601 instant (2026-01-01 or 2026-01-01T00:00:00Z), got 'yesterday'.",
    )
    const unknownQuery = await cli(['run', 'nope'], env)
    expect(unknownQuery.code).toBe(1)
    expect(unknownQuery.stderr).toContain("No valid query 'nope' for tenant 'acme'")
    const badSetting = await cli(['runs'], { ...env, SYNC_WORKER_LEASE_MS: 'soon' })
    expect(badSetting.code).toBe(78)
    expect(badSetting.stderr).toContain('Environment variable SYNC_WORKER_LEASE_MS is invalid')
  }, 90_000)

  it('never prints the PostHog key, in any output of any command of this file', () => {
    expect(outputs.length).toBeGreaterThan(10)
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toContain(emulator.keys.full)
      expect(stderr).not.toContain(emulator.keys.full)
    }
  })
})
