import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import * as z from 'zod'
import { type DatabaseConfig, databaseConfigFromEnv } from '../db/openDatabase'
import type { WorkerTunables } from '../runner/WorkerOptions'

/** Everything the worker reads from its environment, parsed once at start. */
export interface WorkerConfig {
  database: DatabaseConfig
  /** BullMQ's backend in the scale-out deployment; `null` in the embedded one (in-process timers). */
  queue: { redis: string } | { postgres: string } | null
  /** Ticks one process takes from the queue at once (BullMQ's worker concurrency); `undefined` keeps the default. */
  queueConcurrency?: number
  port: number
  host: string
  /** 32-byte key that seals the tenants' PostHog keys (AES-256-GCM). */
  sealingKey: Uint8Array
  /** Hosts PostHog may be reached at over plain http / on loopback (a local emulator). */
  allowHosts: string[]
  allowHttp: boolean
  logLevel: string
  tunables: Partial<WorkerTunables>
}

const ms = z.coerce.number().int().positive()
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8030),
  HOST: z.string().default('127.0.0.1'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be redis://host:port (or rediss://)')
    .optional(),
  SYNC_WORKER_QUEUE: z.enum(['bullmq', 'embedded']).optional(),
  SYNC_WORKER_SEALING_KEY: z.string().optional(),
  SYNC_WORKER_ALLOW_HOSTS: z.string().optional(),
  SYNC_WORKER_ALLOW_HTTP: z.enum(['0', '1', 'true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SYNC_WORKER_LEASE_MS: ms.optional(),
  SYNC_WORKER_SWEEP_MS: ms.optional(),
  SYNC_WORKER_CATCH_UP_MS: ms.optional(),
  SYNC_WORKER_LATE_ARRIVAL_MS: z.coerce.number().int().min(0).optional(),
  SYNC_WORKER_INITIAL_LOOKBACK_MS: ms.optional(),
  SYNC_WORKER_MAX_SPAN_MS: ms.optional(),
  SYNC_WORKER_MAX_RUNS: z.coerce.number().int().min(1).max(64).optional(),
  SYNC_WORKER_QUEUE_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  SYNC_WORKER_SHUTDOWN_GRACE_MS: ms.optional(),
  POSTHOG_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  POSTHOG_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  POSTHOG_PER_HOUR: z.coerce.number().int().min(1).optional(),
})

/** A configuration problem, with the variable it is about and what to do. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * Reads the worker's configuration. With nothing set it is the embedded deployment: a SQLite file under `data/`,
 * in-process timers, and a sealing key generated once beside the database file. With `DATABASE_URL` set to
 * PostgreSQL it is the scale-out deployment: BullMQ on PostgreSQL (or on Redis with `REDIS_URL`), and the sealing
 * key must be given (`SYNC_WORKER_SEALING_KEY`), since every process must open the same secrets.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`Environment variable ${issue?.path.join('.')} is invalid: ${issue?.message}.`)
  }
  const e = parsed.data
  let database: DatabaseConfig
  try {
    database = databaseConfigFromEnv(env)
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error))
  }
  const useQueue = e.SYNC_WORKER_QUEUE
    ? e.SYNC_WORKER_QUEUE === 'bullmq'
    : database.kind === 'postgres' || e.REDIS_URL !== undefined
  let queue: WorkerConfig['queue'] = null
  if (useQueue) {
    if (e.REDIS_URL) queue = { redis: e.REDIS_URL }
    else if (database.kind === 'postgres') queue = { postgres: database.url }
    else throw new ConfigError('SYNC_WORKER_QUEUE=bullmq needs DATABASE_URL (PostgreSQL) or REDIS_URL for the queue.')
  }
  const tunables: Partial<WorkerTunables> = {
    ...(e.SYNC_WORKER_LEASE_MS ? { leaseMs: e.SYNC_WORKER_LEASE_MS } : {}),
    ...(e.SYNC_WORKER_SWEEP_MS ? { sweepEveryMs: e.SYNC_WORKER_SWEEP_MS } : {}),
    ...(e.SYNC_WORKER_CATCH_UP_MS ? { catchUpMs: e.SYNC_WORKER_CATCH_UP_MS } : {}),
    ...(e.SYNC_WORKER_LATE_ARRIVAL_MS !== undefined ? { lateArrivalMs: e.SYNC_WORKER_LATE_ARRIVAL_MS } : {}),
    ...(e.SYNC_WORKER_INITIAL_LOOKBACK_MS ? { initialLookbackMs: e.SYNC_WORKER_INITIAL_LOOKBACK_MS } : {}),
    ...(e.SYNC_WORKER_MAX_SPAN_MS ? { maxSpanMs: e.SYNC_WORKER_MAX_SPAN_MS } : {}),
    ...(e.SYNC_WORKER_MAX_RUNS ? { maxConcurrentRuns: e.SYNC_WORKER_MAX_RUNS } : {}),
    ...(e.SYNC_WORKER_SHUTDOWN_GRACE_MS ? { shutdownGraceMs: e.SYNC_WORKER_SHUTDOWN_GRACE_MS } : {}),
    ...(e.POSTHOG_CONCURRENCY || e.POSTHOG_PER_MINUTE || e.POSTHOG_PER_HOUR
      ? {
          limits: {
            concurrency: e.POSTHOG_CONCURRENCY ?? 3,
            perMinute: e.POSTHOG_PER_MINUTE ?? 240,
            perHour: e.POSTHOG_PER_HOUR ?? 2400,
          },
        }
      : {}),
  }
  return {
    database,
    queue,
    ...(e.SYNC_WORKER_QUEUE_CONCURRENCY ? { queueConcurrency: e.SYNC_WORKER_QUEUE_CONCURRENCY } : {}),
    port: e.PORT,
    host: e.HOST,
    sealingKey: sealingKeyOf(e.SYNC_WORKER_SEALING_KEY, database),
    allowHosts: (e.SYNC_WORKER_ALLOW_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    allowHttp: e.SYNC_WORKER_ALLOW_HTTP === '1' || e.SYNC_WORKER_ALLOW_HTTP === 'true',
    logLevel: e.LOG_LEVEL,
    tunables,
  }
}

function sealingKeyOf(value: string | undefined, database: DatabaseConfig): Uint8Array {
  if (value) {
    const key = Buffer.from(value, 'base64')
    if (key.length !== 32) {
      throw new ConfigError(
        'SYNC_WORKER_SEALING_KEY must be 32 bytes in base64 (make one with `openssl rand -base64 32`).',
      )
    }
    return new Uint8Array(key)
  }
  if (database.kind === 'postgres' || database.path === ':memory:') {
    throw new ConfigError(
      'SYNC_WORKER_SEALING_KEY is required with DATABASE_URL: every worker process must seal and open the same PostHog keys. Make one with `openssl rand -base64 32` and give it to every process.',
    )
  }
  // Embedded: a key generated once beside the database file, readable by its owner only, so `serve` needs no setup.
  const file = `${database.path}.sealing-key`
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 })
    chmodSync(file, 0o600)
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== 32)
    throw new ConfigError(
      `The sealing key file ${file} is not 32 bytes of base64; restore it from a backup (without it the stored PostHog keys cannot be opened).`,
    )
  return new Uint8Array(key)
}
