// Starts the real sync-worker command as a child process (Node + tsx on the sources, as bin/sync-worker.mjs does),
// for the tests of what only processes can show: SIGKILL, SIGTERM, restarts, several workers on one database.
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { DatabaseConfig } from '../src/db/openDatabase'
import { SEALING_KEY } from './workerHarness'

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const BIN = fileURLToPath(new URL('../bin/sync-worker.mjs', import.meta.url))

/** The environment a worker process needs to open a test database and reach the emulator. */
export function workerEnv(database: DatabaseConfig, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, SYNC_WORKER_SQLITE: _file, REDIS_URL: _redis, ...rest } = process.env
  return {
    ...rest,
    ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : { SYNC_WORKER_SQLITE: database.path }),
    SYNC_WORKER_SEALING_KEY: Buffer.from(SEALING_KEY).toString('base64'),
    SYNC_WORKER_ALLOW_HTTP: '1',
    SYNC_WORKER_ALLOW_HOSTS: '127.0.0.1',
    SYNC_WORKER_INITIAL_LOOKBACK_MS: String(400 * 86_400_000),
    SYNC_WORKER_MAX_SPAN_MS: String(400 * 86_400_000),
    PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  }
}

/** A worker child process and what it printed. */
export interface WorkerProcess {
  child: ChildProcess
  output(): string
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>
}

/** Spawns `sync-worker <args>` with the environment. */
export function spawnWorker(args: string[], env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(process.execPath, ['--conditions=@statisfy/source', '--import', 'tsx', MAIN, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  )
  return { child, output: () => output, exited }
}

/** Polls `check` every 50 ms until it returns a value, failing after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** What a finished command printed and how it exited. */
export interface CliResult {
  code: number | string
  stdout: string
  stderr: string
}

/**
 * Runs `sync-worker <args>` to its end through the real entry (`bin/sync-worker.mjs`), stdout and stderr kept apart
 * (pipes, not a TTY, as under a script or CI). With `timeoutMs`, a command still running then is killed.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A command that never ends is killed, so its test fails with what it printed instead of leaving it behind.
    ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? signal ?? -1, stdout, stderr })),
  )
}
