// Starts a private PostgreSQL 15 (initdb into a temporary folder, loopback, a free port, fsync off) and, when
// redis-server is installed, a private Redis, for the whole test run; stops both by their own pid at the end.
// Their URLs reach the test files as TEST_POSTGRES_URL and TEST_REDIS_URL. Under CI a missing server fails the run
// (a skipped PostgreSQL test is a test that does not exist); outside CI the tests that need it say why they skip.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find((dir) =>
  existsSync(join(dir, 'initdb')),
)

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

// initdb and postgres refuse to run as root: run them as the postgres user when we are root.
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

async function startPostgres(): Promise<() => void> {
  if (!PG_BIN) throw new Error('PostgreSQL 15 is not installed: apt-get install -y postgresql (.ci/run does).')
  const dir = mkdtempSync(join(tmpdir(), 'sync-worker-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const port = await freePort()
  const [initdb, initArgs] = asPostgres(join(PG_BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
  ])
  execFileSync(initdb, initArgs, { stdio: 'ignore' })
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`
  const [pgCtl, ctlArgs] = asPostgres(join(PG_BIN, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ])
  execFileSync(pgCtl, ctlArgs, { stdio: 'ignore' })
  process.env.TEST_POSTGRES_URL = `postgres://postgres@127.0.0.1:${port}/postgres`
  return () => {
    const [stop, stopArgs] = asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
    try {
      execFileSync(stop, stopArgs, { stdio: 'ignore' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

async function startRedis(): Promise<(() => void) | null> {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path))
  if (!bin) return null
  const port = await freePort()
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  })
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' })
      break
    } catch {
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`
  return () => {
    child.kill('SIGKILL')
  }
}

export default async function setup() {
  const stops: (() => void)[] = []
  try {
    stops.push(await startPostgres())
  } catch (error) {
    if (process.env.CI) throw error
    console.warn(`PostgreSQL tests will skip: ${error instanceof Error ? error.message : error}`)
  }
  const stopRedis = await startRedis()
  if (stopRedis) stops.push(stopRedis)
  else if (process.env.CI)
    throw new Error('redis-server is not installed: apt-get install -y redis-server (.ci/run does).')
  return () => {
    for (const stop of stops.reverse()) stop()
  }
}
