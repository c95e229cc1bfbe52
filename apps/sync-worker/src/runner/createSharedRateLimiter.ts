import { randomUUID } from 'node:crypto'
import {
  DEFAULT_POSTHOG_LIMITS,
  type RateLimiterState,
  type ReleaseSlot,
  type RequestLimiter,
  type RequestLimits,
} from '@statisfy/posthog-sdk'
import { sql } from 'kysely'
import type { WorkerDatabase } from '../db/openDatabase'
import { transact } from '../db/transact'
import type { WorkerClock } from './WorkerClock'

/** Options of {@link createSharedRateLimiter}. */
export interface SharedRateLimiterOptions {
  database: WorkerDatabase
  /** The key's name in the shared tables: a hash of API host and key, never the key. */
  keyHash: string
  /** @default DEFAULT_POSTHOG_LIMITS (3 at once, 240 a minute, 2400 an hour) */
  limits?: RequestLimits
  clock: WorkerClock
  /**
   * How long a running request's slot is held if its process dies without giving it back: longer than one HTTP
   * attempt (the client's 65 s timeout), so a live request never loses its slot.
   * @default 80000
   */
  slotTtlMs?: number
  /**
   * Extra wait before a start leaves a window, for the gap between our clocks and PostHog's arrival stamps.
   * @default 1000
   */
  marginMs?: number
  /** Longest single wait before looking again (another process may free a slot sooner). @default 250 */
  pollMs?: number
  onError?: (error: unknown) => void
}

type Decision = { slotId: string } | { waitMs: number }

/**
 * A {@link RequestLimiter} whose state is in the worker's database, so every process using one PostHog key shares
 * its limits: running requests (slots that expire if their process dies), starts per rolling minute and hour, and
 * the pause after a 429 ("Expected available in N seconds"), which holds only this key. Each decision is one
 * transaction that locks the key's row, so two processes never take the last slot together.
 */
export function createSharedRateLimiter(options: SharedRateLimiterOptions): RequestLimiter {
  const { database, keyHash, clock } = options
  const limits = options.limits ?? DEFAULT_POSTHOG_LIMITS
  const slotTtlMs = options.slotTtlMs ?? 80_000
  const marginMs = options.marginMs ?? 1000
  const pollMs = options.pollMs ?? 250
  // The pause and the slot's release are written in the order they were made: a 429's pause is committed before its
  // slot is free, so no process sees the slot free and the key unpaused in between.
  let writes: Promise<unknown> = Promise.resolve()
  const write = (statement: () => Promise<unknown>) => {
    writes = writes.then(statement).catch((error: unknown) => options.onError?.(error))
  }
  const local = {
    running: 0,
    queued: 0,
    minuteRemaining: limits.perMinute,
    hourRemaining: limits.perHour,
    pausedUntil: 0,
  }

  async function decide(now: number): Promise<Decision> {
    return transact(database, async (trx) => {
      await trx
        .insertInto('rate_limit_keys')
        .values({ key_hash: keyHash, paused_until_ms: 0 })
        .onConflict((c) => c.column('key_hash').doNothing())
        .execute()
      // PostgreSQL: the row lock serialises the key's decisions across processes. SQLite's IMMEDIATE transaction
      // already holds the database's write lock.
      const key = await (database.kind === 'postgres'
        ? trx.selectFrom('rate_limit_keys').select('paused_until_ms').where('key_hash', '=', keyHash).forUpdate()
        : trx.selectFrom('rate_limit_keys').select('paused_until_ms').where('key_hash', '=', keyHash)
      ).executeTakeFirstOrThrow()
      // A pause this process set may not be written yet: it counts as well.
      local.pausedUntil = Math.max(local.pausedUntil, key.paused_until_ms)
      if (local.pausedUntil > now) return { waitMs: local.pausedUntil - now }
      await trx.deleteFrom('rate_limit_slots').where('key_hash', '=', keyHash).where('expires_ms', '<', now).execute()
      const running = await trx
        .selectFrom('rate_limit_slots')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key_hash', '=', keyHash)
        .executeTakeFirstOrThrow()
      if (Number(running.n) >= limits.concurrency) return { waitMs: pollMs }
      const minute = await windowWait(trx, now, 60_000, limits.perMinute)
      const hour = await windowWait(trx, now, 3_600_000, limits.perHour)
      local.minuteRemaining = minute.remaining
      local.hourRemaining = hour.remaining
      const waitMs = Math.max(minute.waitMs, hour.waitMs)
      if (waitMs > 0) return { waitMs }
      const slotId = randomUUID()
      await trx
        .insertInto('rate_limit_slots')
        .values({ id: slotId, key_hash: keyHash, expires_ms: now + slotTtlMs })
        .execute()
      await trx.insertInto('rate_limit_starts').values({ key_hash: keyHash, at_ms: now }).execute()
      // Starts older than the longest window count for nothing; pruning on a few decisions keeps the table small.
      if (Math.random() < 0.02) {
        await trx
          .deleteFrom('rate_limit_starts')
          .where('key_hash', '=', keyHash)
          .where('at_ms', '<', now - 3_600_000)
          .execute()
      }
      return { slotId }
    })
  }

  // How long until one more start fits in the rolling window: the start that must leave it is the limit-th newest.
  async function windowWait(
    trx: Parameters<Parameters<typeof transact>[1]>[0],
    now: number,
    spanMs: number,
    limit: number,
  ) {
    const rows = await trx
      .selectFrom('rate_limit_starts')
      .select('at_ms')
      .where('key_hash', '=', keyHash)
      .where('at_ms', '>', now - spanMs)
      .orderBy('at_ms', 'desc')
      .limit(limit)
      .execute()
    const remaining = Math.max(0, limit - rows.length)
    const leaving = rows[limit - 1]
    return { remaining, waitMs: remaining > 0 || !leaving ? 0 : leaving.at_ms + spanMs + marginMs - now }
  }

  return {
    async acquire(signal) {
      local.queued++
      let slotId: string
      try {
        for (;;) {
          signal?.throwIfAborted()
          const decision = await decide(clock.now())
          if ('slotId' in decision) {
            slotId = decision.slotId
            break
          }
          await clock.sleep(Math.min(Math.max(decision.waitMs, 1), Math.max(pollMs, 1000)), signal)
        }
      } finally {
        local.queued--
      }
      local.running++
      let released = false
      const release: ReleaseSlot = () => {
        if (released) return
        released = true
        local.running--
        write(() => database.db.deleteFrom('rate_limit_slots').where('id', '=', slotId).execute())
      }
      return release
    },
    pause(ms) {
      const until = clock.now() + ms
      local.pausedUntil = Math.max(local.pausedUntil, until)
      write(() =>
        database.db
          .updateTable('rate_limit_keys')
          .set({
            paused_until_ms: sql<number>`case when paused_until_ms > ${until} then paused_until_ms else ${until} end`,
          })
          .where('key_hash', '=', keyHash)
          .execute(),
      )
    },
    state(): RateLimiterState {
      const now = clock.now()
      return { ...local, pausedUntil: local.pausedUntil > now ? local.pausedUntil : 0 }
    },
  }
}
