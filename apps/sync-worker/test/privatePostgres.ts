// A private PostgreSQL 15 for a test run or a benchmark: initdb into a temporary folder, loopback only, a free port,
// fsync off (nothing here must survive a crash of the machine). Stopped by its own data directory, never by name;
// paused and resumed the same way, for a database that goes down and comes back with its data.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './freePort'

const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find((dir) =>
  existsSync(join(dir, 'initdb')),
)

/** A running private PostgreSQL. */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, superuser). */
  url: string
  /** Stops the server (immediate shutdown) and deletes its data directory. */
  stop(): void
  /**
   * Stops the server as an operator would (fast shutdown: open connections are ended, committed data is kept) and
   * keeps its data directory, so `resume()` brings the same database back on the same port.
   */
  pause(): void
  /** Starts a paused server again on its port, with its data. */
  resume(): void
}

// initdb and postgres refuse to run as root: run them as the postgres user when we are root.
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

/**
 * Starts a private PostgreSQL on 127.0.0.1. Throws, saying how to install it, when PostgreSQL 15 or 16 is not
 * installed.
 * @example const pg = await startPrivatePostgres(); try { ... pg.url ... } finally { pg.stop() }
 */
export async function startPrivatePostgres(
  options: { maxConnections?: number /** @default a free port */; port?: number } = {},
): Promise<PrivatePostgres> {
  if (!PG_BIN) throw new Error('PostgreSQL 15 is not installed: apt-get install -y postgresql (.ci/run does).')
  const dir = mkdtempSync(join(tmpdir(), 'sync-worker-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const port = options.port ?? (await freePort())
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
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${options.maxConnections ?? 300}`
  const pgCtl = (...args: string[]) => {
    const [command, commandArgs] = asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, ...args])
    execFileSync(command, commandArgs, { stdio: 'ignore' })
  }
  const start = () => pgCtl('-o', settings, '-l', join(dir, 'log'), '-w', 'start')
  start()
  let running = true
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        if (running) pgCtl('-m', 'immediate', 'stop')
      } finally {
        running = false
        rmSync(dir, { recursive: true, force: true })
      }
    },
    pause() {
      pgCtl('-m', 'fast', '-w', 'stop')
      running = false
    },
    resume() {
      start()
      running = true
    },
  }
}
