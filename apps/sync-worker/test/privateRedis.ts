// A private Redis for a test run or a benchmark: loopback, a free port, no persistence. Stopped by its own pid.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { freePort } from './freePort'

/** A running private Redis. */
export interface PrivateRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string
  stop(): void
}

/** Starts a private Redis, or returns null when redis-server is not installed. */
export async function startPrivateRedis(): Promise<PrivateRedis | null> {
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
  return {
    url: `redis://127.0.0.1:${port}`,
    stop() {
      child.kill('SIGKILL')
    },
  }
}
