import type { Logger } from '@statisfy/posthog-sdk/server'
import { createPostgresBackend, type Job, Queue, Worker, withBackend } from 'bullmq'
import { createSchedulerLock } from './createSchedulerLock'
import { cronerRepeatStrategy } from './cronerRepeatStrategy'
import { type RepeatOptions, repeatOptionsOf } from './repeatOptionsOf'
import type { Slot, SlotScheduler } from './SlotScheduler'

/** Options of {@link createQueueSlotScheduler}. */
export interface QueueSlotSchedulerOptions {
  /** BullMQ's backend: PostgreSQL (`withBackend(createPostgresBackend)`) or Redis. */
  connection: { postgres: string } | { redis: string }
  /** @default 'posthog-sync' */
  queueName?: string
  /**
   * Ticks handled at once by this process (the runs themselves are limited by the worker). A tick's handler is one
   * short transaction, so many may wait on the database at once: with 8, BullMQ handed a burst of ~800 ticks to
   * three processes 4 s late at p99, with 64 about 1 s (the app README's scheduling bench). @default 64
   */
  concurrency?: number
  /**
   * How long a process's lock on a tick lasts without renewal; a killed process's tick goes back to the queue
   * after it (BullMQ's stalled-job check), for another process to handle. @default 15000
   */
  lockDurationMs?: number
  /** The wake-ups of a cadence; tests pass a faster one. @default repeatOptionsOf */
  repeatOf?: typeof repeatOptionsOf
  /** How long `queueHealth()` waits for the backend before it reports it unreachable. @default 3000 */
  healthTimeoutMs?: number
  /** @default Date.now */
  now?: () => number
  logger?: Logger
}

/** The queue scheduler, with a health check for `/readyz`. */
export interface QueueSlotScheduler extends SlotScheduler {
  queueHealth(): Promise<{ ok: boolean; detail: string }>
}

interface TickData {
  tenantId: string
  queryId: string
  /** The interval of an `every` cadence, to put a tick back on its slot (see slotMsOf). */
  everyMs?: number
}

/**
 * The slot a tick stands for: the time BullMQ scheduled its job for, the end of the job's id
 * `repeat:<scheduler>:<millis>` (for `every` BullMQ computes it in the backend and leaves `opts.prevMillis` unset).
 */
function slotMsOf(job: Job<TickData>): number {
  const fromId = Number(String(job.id).split(':').at(-1))
  const scheduled = Number.isFinite(fromId) ? fromId : (job.opts.prevMillis ?? Number.NaN)
  // A scheduler that fell behind (a busy backend) steps on from when it caught up, some milliseconds off the
  // epoch-aligned slots (seen on Redis under load); the tick still stands for the nearest slot.
  const every = job.data.everyMs
  return every ? Math.round(scheduled / every) * every : scheduled
}

/**
 * BullMQ starts an `every` scheduler at the moment it is created (and again when the interval changes), then steps
 * from there, so its ticks would fall at `created + k * every` while the cadence's slots are multiples of it since
 * the epoch (SDK `nextRuns`): a tick up to a whole interval after its slot, and an extra tick at every change. A
 * `startDate` on the next multiple puts the first tick, and so every later one, on the slots.
 */
function alignedToSlots(repeat: RepeatOptions, nowMs: number) {
  if (!('every' in repeat)) return repeat
  return { ...repeat, startDate: Math.floor(nowMs / repeat.every) * repeat.every + repeat.every }
}

const UPSERT_ATTEMPTS = 4
const DEFAULT_CONCURRENCY = 64

// Job scheduler ids are opaque to BullMQ; tenant and query ids never hold '/', so the pair is unambiguous.
const schedulerId = (tenantId: string, queryId: string) => `${tenantId}/${queryId}`

function redisOptions(url: string) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's workers block on Redis; ioredis must not give up on those commands.
    maxRetriesPerRequest: null,
  }
}

/**
 * The scale-out scheduler: one BullMQ job scheduler per query (a cron `pattern` in the cadence's zone, or `every`),
 * on BullMQ's PostgreSQL backend or on Redis. Any number of processes share the queue; BullMQ hands each tick to one
 * of them, locks it while it is handled and gives a killed process's tick to another. No queue of our own: the
 * queue's locking, stalled-job recovery and schedulers are BullMQ's. The slot a tick stands for is the time BullMQ
 * scheduled it for (the end of its id `repeat:<scheduler>:<millis>`); `every` schedulers start on the cadence's
 * epoch-aligned slots.
 */
export function createQueueSlotScheduler(options: QueueSlotSchedulerOptions): QueueSlotScheduler {
  const name = options.queueName ?? 'posthog-sync'
  const repeatOf = options.repeatOf ?? repeatOptionsOf
  const lockDuration = options.lockDurationMs ?? 15_000
  const healthTimeoutMs = options.healthTimeoutMs ?? 3000
  const now = options.now ?? Date.now
  // The queue computes a pattern scheduler's next job when it is upserted and the worker when a tick is handled.
  const settings = { repeatStrategy: cronerRepeatStrategy }
  const classes =
    'postgres' in options.connection
      ? (() => {
          const bound = withBackend(createPostgresBackend)
          const connection = { connectionString: options.connection.postgres, migrate: true }
          return {
            queue: () => new bound.Queue<TickData>(name, { connection, settings }),
            worker: (process: (job: Job<TickData>) => Promise<void>) =>
              new bound.Worker<TickData>(name, process, {
                connection,
                concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
                lockDuration,
                stalledInterval: lockDuration / 2,
                settings,
              }),
          }
        })()
      : (() => {
          const connection = redisOptions(options.connection.redis)
          return {
            queue: () => new Queue<TickData>(name, { connection, settings }),
            worker: (process: (job: Job<TickData>) => Promise<void>) =>
              new Worker<TickData>(name, process, {
                connection,
                concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
                lockDuration,
                stalledInterval: lockDuration / 2,
                settings,
              }),
          }
        })()
  const queue = classes.queue()
  const lock = createSchedulerLock(options.connection)
  // Without a listener BullMQ prints a backend's connection errors on the console; they belong in the worker's log
  // (and /readyz reports the queue unreachable meanwhile).
  queue.on('error', (error: Error) => options.logger?.warn('The queue is unreachable.', { error: String(error) }))
  let worker: { close(): Promise<void> } | null = null
  return {
    async start(onSlot) {
      const w = classes.worker(async (job) => {
        const slot: Slot = { tenantId: job.data.tenantId, queryId: job.data.queryId, slotMs: slotMsOf(job) }
        await onSlot(slot)
      })
      ;(w as unknown as { on(event: string, fn: (...args: unknown[]) => void): void }).on('failed', (job, error) => {
        options.logger?.warn('A tick failed; BullMQ retries it.', {
          jobId: String((job as Job | undefined)?.id),
          error: String(error),
        })
      })
      ;(w as unknown as { on(event: string, fn: (...args: unknown[]) => void): void }).on('error', (error) => {
        options.logger?.error('The queue worker reported an error.', { error: String(error) })
      })
      worker = w as unknown as { close(): Promise<void> }
    },
    async upsert(query) {
      const id = schedulerId(query.tenantId, query.queryId)
      if (!query.enabled) {
        await lock.exclusively(id, () => queue.removeJobScheduler(id))
        return
      }
      // Upserting replaces the scheduler's repeat options and its next job, so a changed cadence never fires twice;
      // an unchanged one keeps its next job.
      const upsert = () => {
        const repeat = alignedToSlots(repeatOf(query.cadence), now())
        return queue.upsertJobScheduler(id, repeat, {
          name: 'tick',
          data: {
            tenantId: query.tenantId,
            queryId: query.queryId,
            ...('every' in repeat ? { everyMs: repeat.every } : {}),
          },
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: 1000,
            removeOnFail: 1000,
          },
        })
      }
      // Processes arm the same queries at once when they start: they take turns per scheduler (createSchedulerLock).
      // A failed upsert (a connection blip) is tried again: it only replaces the scheduler's next job.
      for (let attempt = 1; ; attempt++) {
        try {
          await lock.exclusively(id, upsert)
          return
        } catch (error) {
          if (attempt >= UPSERT_ATTEMPTS) throw error
          await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80))
        }
      }
    },
    async remove(tenantId, queryId) {
      const id = schedulerId(tenantId, queryId)
      await lock.exclusively(id, () => queue.removeJobScheduler(id))
    },
    async close() {
      await worker?.close()
      await queue.close()
      await lock.close()
    },
    async queueHealth() {
      // A backend that is down does not answer (ioredis and pg reconnect and wait): /readyz must say so, not hang.
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the queue's backend did not answer within ${healthTimeoutMs} ms`)),
          healthTimeoutMs,
        )
      })
      try {
        await Promise.race([queue.getJobCounts('wait'), timeout])
        return { ok: true, detail: 'ok' }
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) }
      } finally {
        clearTimeout(timer)
      }
    },
  }
}
