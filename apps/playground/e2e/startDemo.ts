// Starts `pnpm demo` (scripts/demo.mjs) as a new user runs it, on free ports and in a folder of the test's own, so the
// end-to-end tests can stop it with Ctrl-C (SIGINT) and start it again on the same data.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** A running demo: its URL, what it printed, and a clean stop. */
export interface RunningDemo {
  url: string
  output(): string
  /** Sends Ctrl-C (SIGINT) and resolves with the exit code once every process has stopped. */
  stop(): Promise<number | null>
}

/** Ports and folder of one demo installation, kept across restarts. */
export interface DemoSetup {
  dir: string
  ports: { playground: number; worker: number; emulator: number }
}

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

/** Free ports for the demo's three processes, in `dir`. */
export async function demoSetup(dir: string): Promise<DemoSetup> {
  return { dir, ports: { playground: await freePort(), worker: await freePort(), emulator: await freePort() } }
}

/** Runs `node scripts/demo.mjs` and resolves once it prints its URL (it fails if the demo exits first). */
export async function startDemo(setup: DemoSetup, timeoutMs = 120_000): Promise<RunningDemo> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/demo.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEMO_DIR: setup.dir,
      DEMO_PORT: String(setup.ports.playground),
      DEMO_WORKER_PORT: String(setup.ports.worker),
      DEMO_EMULATOR_PORT: String(setup.ports.emulator),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The demo did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    )
    const check = () => {
      const match = /Demo ready in [\d.]+ s: open (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`The demo exited (${code}) before it was ready:\n${output}`))
    })
  })
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT')
      return exited
    },
  }
}
