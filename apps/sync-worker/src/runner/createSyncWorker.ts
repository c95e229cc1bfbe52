import { createHash, randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { QueryDefinition, RecordSink, RequestLimiter } from '@statisfy/posthog-sdk'
import { ApiError, ApiErrorCode } from '@statisfy/posthog-sdk'
import {
  createGuardedFetch,
  createHostGuard,
  type HostGuardOptions,
  type Logger,
  type Scheduler,
} from '@statisfy/posthog-sdk/server'
import type { RunsTable } from '../db/Database'
import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable'
import type { WorkerDatabase } from '../db/openDatabase'
import { transact } from '../db/transact'
import type { SlotScheduler } from '../schedule/SlotScheduler'
import { type Backfills, createBackfills } from './backfills'
import { nextSlot } from './cadenceSlots'
import { createSharedRateLimiter } from './createSharedRateLimiter'
import { executeRun } from './executeRun'
import { acquireLease, ensureQueryState, releaseLease } from './leases'
import { queueRun, recordSlot, type SlotOutcome } from './ledger'
import { parseQueryKey, queryKey } from './queryKey'
import type { RunContext } from './RunContext'
import { systemClock, type WorkerClock } from './WorkerClock'
import { DEFAULT_TUNABLES, type WorkerTunables } from './WorkerOptions'
import type { WorkerStores } from './WorkerStores'

/** Options of {@link createSyncWorker}. */
export interface SyncWorkerOptions {
  database: WorkerDatabase
  stores: WorkerStores
  /** Wakes the worker at slots: in-process timers (embedded) or BullMQ job schedulers. */
  slots: SlotScheduler
  /** @default the system clock */
  clock?: WorkerClock
  /** How this process signs its leases. @default `<hostname>:<pid>:<random>` */
  workerId?: string
  tunables?: Partial<WorkerTunables>
  /** The API-host guard for PostHog calls (plain http and loopback only when allowed, for local emulators). */
  hostGuard?: HostGuardOptions
  /** @default a guarded fetch (createGuardedFetch with `hostGuard`) */
  fetch?: typeof globalThis.fetch
  /** A host's own sink instead of the worker's tables (its writes are not in the page's transaction). */
  sink?: RecordSink
  logger?: Logger
}

/** The running worker. */
export interface SyncWorker {
  /** The `Scheduler` port for `createPostHogHandler`: saves, deletes, enable changes and Run now reach the worker here. */
  scheduler: Scheduler
  backfills: Backfills
  /** Arms every enabled query, starts taking ticks and sweeping. */
  start(): Promise<void>
  /** Handles one tick: records the slot in the ledger and runs it if it is this process's. */
  tick(slot: { tenantId: string; queryId: string; slotMs: number }): Promise<SlotOutcome | null>
  /** Queues a run of a query now (the CLI's `run`); resolves with its id once queued. */
  runNow(tenantId: string, key: string): Promise<string>
  /**
   * Runs the query's waiting or in-flight runs in this process as soon as its lease is free or expired: how a
   * one-off command (`run`, `backfill`) that takes no sweeps takes over a run whose process died. Call it again
   * while waiting; it does nothing while this process runs the query or another live process holds it.
   */
  resume(tenantId: string, key: string): void
  /** Waits until the run has finished (or the worker stops). */
  waitForRun(runId: string, options?: { pollMs?: number; signal?: AbortSignal }): Promise<void>
  /** Runs the sweep once: orphaned runs, waiting runs, due slots the scheduler missed, backfills. */
  sweep(): Promise<void>
  /** Graceful stop: no new runs; runs in hand stop after their page (or abort after the grace period); leases released. */
  stop(): Promise<void>
}

const noopLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }

/**
 * The sync worker: the same code above the store and scheduler ports for both deployments. Ticks are wake-ups:
 * each is recorded in the ledger (one run per slot across all processes), runs wait in the runs table, and a
 * query's runs go one at a time under its lease. Every process also sweeps: it resumes runs whose process died
 * (their lease expired), starts waiting runs nobody holds, and ticks slots its scheduler missed (downtime, a tick
 * lost with the queue).
 */
export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { database, stores, slots } = options
  const clock = options.clock ?? systemClock
  const tunables: WorkerTunables = { ...DEFAULT_TUNABLES, ...options.tunables }
  const logger = options.logger ?? noopLogger
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const fetchImpl = options.fetch ?? createGuardedFetch({ guard: createHostGuard(options.hostGuard ?? {}) })
  const limiters = new Map<string, RequestLimiter>()
  const zones = new Map<string, string | undefined>()
  const hardStop = new AbortController()
  let stopping = false
  const context: RunContext = {
    database,
    stores,
    clock,
    workerId,
    tunables,
    logger,
    fetch: fetchImpl,
    limiterFor(apiHost, key) {
      // The key's name in the shared tables: a hash, never the key.
      const keyHash = createHash('sha256').update(`${apiHost}|${key}`).digest('hex')
      let limiter = limiters.get(keyHash)
      if (!limiter) {
        limiter = createSharedRateLimiter({
          database,
          keyHash,
          limits: tunables.limits,
          clock,
          onError: (error) => logger.warn('Updating the shared rate limit failed.', { error: String(error) }),
        })
        limiters.set(keyHash, limiter)
      }
      return limiter
    },
    async projectTimeZone(key, read) {
      if (!zones.has(key)) {
        try {
          zones.set(key, await read())
        } catch {
          // Not cached: the run reports the failure (invalid_grain or the read's error); the next run asks again.
          return undefined
        }
      }
      return zones.get(key)
    },
    ...(options.sink ? { hostSink: options.sink } : {}),
    stopping: () => stopping,
    hardStop: hardStop.signal,
  }

  // Queries this process is running now: a process never runs two runs of one query, nor one run twice.
  const active = new Set<string>()
  const running = new Set<Promise<void>>()
  let permits = tunables.maxConcurrentRuns
  const waiters: (() => void)[] = []
  const takePermit = async () => {
    while (permits === 0) await new Promise<void>((resolve) => waiters.push(resolve))
    permits--
  }
  const givePermit = () => {
    permits++
    waiters.shift()?.()
  }

  /** Runs the query's waiting (or orphaned) runs one after another while this process holds its lease. */
  async function drain(tenantId: string, key: string): Promise<void> {
    const activeKey = `${tenantId}\u0000${key}`
    if (active.has(activeKey) || stopping) return
    active.add(activeKey)
    try {
      while (!stopping) {
        const row = await nextRunOf(tenantId, key)
        if (!row) return
        await takePermit()
        try {
          const holder = { tenantId, queryId: key, owner: workerId, runId: row.id }
          if (!(await acquireLease(database.db, holder, clock.now(), tunables.leaseMs))) return
          // The row was read before the lease: another process may have finished the run since (and released the
          // lease, so this process got it). Read it again under the lease, or the run would start a second time.
          const current = await database.db.selectFrom('runs').selectAll().where('id', '=', row.id).executeTakeFirst()
          if (!current || current.stage === 2) {
            await releaseLease(database.db, holder)
            continue
          }
          let outcome: Awaited<ReturnType<typeof executeRun>> = 'finished'
          try {
            outcome = await executeRun(context, current, holder)
          } finally {
            // A run taken over belongs to the process that took it; anything else gives the lease back at once.
            if (outcome !== 'lease_lost') await releaseLease(database.db, holder)
          }
          if (outcome !== 'finished') return
          if (row.backfill_id) await backfills.advance(row.backfill_id)
        } finally {
          givePermit()
        }
      }
    } finally {
      active.delete(activeKey)
    }
  }

  // The run to work on: one already running (its process died or stopped: resume it) before the oldest waiting.
  async function nextRunOf(tenantId: string, key: string): Promise<RunsTable | undefined> {
    return database.db
      .selectFrom('runs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('query_id', '=', key)
      .where('stage', '<', 2)
      .orderBy('stage', 'desc')
      .orderBy('sort_ms', 'asc')
      .limit(1)
      .executeTakeFirst()
  }

  function drainInBackground(tenantId: string, key: string) {
    const job = drain(tenantId, key)
      .catch((error: unknown) =>
        logger.error('Running a query failed.', { tenantId, queryId: key, error: String(error) }),
      )
      .finally(() => running.delete(job))
    running.add(job)
  }

  async function queryRowOf(tenantId: string, key: string) {
    const { source, id } = parseQueryKey(key)
    return (await stores.queryRows(tenantId)).find((r) => r.source === source && r.queryId === id)
  }

  async function definitionOf(tenantId: string, key: string): Promise<QueryDefinition | null> {
    const row = await queryRowOf(tenantId, key)
    return row && 'definition' in row ? row.definition : null
  }

  // The queries the worker schedules for a tenant: its saved ones, or the built-in ones when it saved none.
  async function scheduledQueries(tenantId: string) {
    const rows = await stores.queryRows(tenantId)
    const saved = rows.filter((r) => r.source === 'saved')
    const chosen = saved.length > 0 ? saved : rows.filter((r) => r.source === 'built_in')
    const broken = chosen.filter((r) => 'error' in r)
    for (const row of broken) {
      logger.error('A stored query is not a valid definition; it is not scheduled.', {
        tenantId,
        queryId: row.queryId,
        error: 'error' in row ? row.error : '',
      })
    }
    return {
      active: chosen.flatMap((r) =>
        'definition' in r ? [{ key: queryKey(r.source, r.queryId), definition: r.definition }] : [],
      ),
      inactive: rows.filter((r) => !chosen.includes(r)).map((r) => queryKey(r.source, r.queryId)),
    }
  }

  // Next due slot per armed query, so a sweep checks a thousand queries without asking croner each time.
  const nextDue = new Map<string, { tenantId: string; key: string; definition: QueryDefinition; dueMs: number }>()

  async function arm(tenantId: string, key: string, definition: QueryDefinition) {
    const id = `${tenantId}\u0000${key}`
    if (!definition.enabled) {
      nextDue.delete(id)
      await slots.remove(tenantId, key)
      return
    }
    await ensureQueryState(database.db, tenantId, key)
    // The ledger starts at the moment a query is first armed: slots after it that nobody ticked (the worker was
    // down) are caught up by the sweep; slots before it never existed for this query.
    const state = await database.db
      .selectFrom('query_state')
      .select('last_slot_ms')
      .where('tenant_id', '=', tenantId)
      .where('query_id', '=', key)
      .executeTakeFirstOrThrow()
    let lastSlot = state.last_slot_ms
    if (lastSlot === null) {
      lastSlot = clock.now()
      await database.db
        .updateTable('query_state')
        .set({ last_slot_ms: lastSlot })
        .where('tenant_id', '=', tenantId)
        .where('query_id', '=', key)
        .where('last_slot_ms', 'is', null)
        .execute()
    }
    nextDue.set(id, { tenantId, key, definition, dueMs: nextSlot(definition.cadence, lastSlot) })
    await slots.upsert({ tenantId, queryId: key, cadence: definition.cadence, enabled: true })
  }

  async function disarm(tenantId: string, key: string) {
    nextDue.delete(`${tenantId}\u0000${key}`)
    await slots.remove(tenantId, key)
  }

  async function armTenant(tenantId: string) {
    const { active: queries, inactive } = await scheduledQueries(tenantId)
    for (const { key, definition } of queries) await arm(tenantId, key, definition)
    for (const key of inactive) await disarm(tenantId, key)
  }

  async function tick(slot: { tenantId: string; queryId: string; slotMs: number }): Promise<SlotOutcome | null> {
    if (stopping) return null
    const { tenantId, queryId: key } = slot
    const definition = await definitionOf(tenantId, key)
    if (!definition?.enabled) {
      // A tick for a query deleted or disabled since: disarm it wherever the queue still has it.
      await slots.remove(tenantId, key)
      return null
    }
    let recordedAt = 0
    const outcome = await transact(database, (trx) => {
      recordedAt = clock.now()
      return recordSlot(trx, {
        tenantId,
        queryKey: key,
        definition,
        tickSlotMs: slot.slotMs,
        nowMs: recordedAt,
        catchUpMs: tunables.catchUpMs,
      })
    })
    // Nothing due means every slot up to `recordedAt` is in the ledger (another process recorded it): the next one
    // is due after that. Left at the old slot, every sweep of this process would tick it again, for ever.
    const due = nextDue.get(`${tenantId}\u0000${key}`)
    if (due) due.dueMs = nextSlot(definition.cadence, outcome.kind === 'nothing_due' ? recordedAt : outcome.slotMs)
    if (outcome.kind !== 'nothing_due')
      logger.info('Slot recorded.', {
        tenantId,
        queryId: key,
        slot: new Date(outcome.slotMs).toISOString(),
        outcome: outcome.kind,
      })
    drainInBackground(tenantId, key)
    return outcome
  }

  const backfills = createBackfills(context, { drain: drainInBackground, definitionOf })

  async function sweep(): Promise<void> {
    const now = clock.now()
    // Runs in flight that nobody holds (their process died: the lease expired) and runs waiting with no holder.
    const open = await database.db
      .selectFrom('runs')
      .leftJoin('query_state', (join) =>
        join.onRef('query_state.tenant_id', '=', 'runs.tenant_id').onRef('query_state.query_id', '=', 'runs.query_id'),
      )
      .select(['runs.tenant_id', 'runs.query_id'])
      .where('runs.stage', '<', 2)
      .where((eb) =>
        eb.or([eb('query_state.lease_expires_ms', 'is', null), eb('query_state.lease_expires_ms', '<', now)]),
      )
      .groupBy(['runs.tenant_id', 'runs.query_id'])
      .execute()
    for (const { tenant_id, query_id } of open) drainInBackground(tenant_id, query_id)
    for (const due of [...nextDue.values()]) {
      if (due.dueMs + tunables.sweepGraceMs <= now) {
        await tick({ tenantId: due.tenantId, queryId: due.key, slotMs: due.dueMs }).catch((error: unknown) =>
          logger.error('A sweep tick failed.', { tenantId: due.tenantId, queryId: due.key, error: String(error) }),
        )
      }
    }
    await backfills.advance()
  }

  let sweepTimer: NodeJS.Timeout | undefined
  let sweeping: Promise<void> | null = null
  function scheduleSweep() {
    sweepTimer = setTimeout(() => {
      sweeping = sweep()
        .catch((error: unknown) =>
          logger.error(
            isDatabaseUnreachable(error)
              ? `${database.description} is not reachable; the sweep runs again in ${tunables.sweepEveryMs / 1000} s. Check that the database is running and reachable from this host.`
              : 'The sweep failed; it runs again shortly.',
            { error: String(error) },
          ),
        )
        .finally(() => {
          sweeping = null
          if (!stopping) scheduleSweep()
        })
    }, tunables.sweepEveryMs)
    sweepTimer.unref()
  }

  async function runNow(tenantId: string, key: string): Promise<string> {
    const row = await queryRowOf(tenantId, key)
    if (row && 'error' in row)
      throw new Error(
        `The stored query '${row.queryId}' of tenant '${tenantId}' is not a valid definition: ${row.error} Open it in the settings page and save it again.`,
      )
    const definition = row && 'definition' in row ? row.definition : null
    if (!definition)
      throw new Error(
        `No valid query '${key}' for tenant '${tenantId}'; list them with \`sync-worker runs\` or the settings page.`,
      )
    const runId = await transact(database, (trx) =>
      queueRun(trx, { tenantId, queryKey: key, definition, trigger: 'manual', nowMs: clock.now() }),
    )
    drainInBackground(tenantId, key)
    return runId
  }

  const scheduler: Scheduler = {
    async notify(event) {
      switch (event.type) {
        case 'query_deleted':
          // A deleted query is in none of the tenant's lists any more: disarm it by name, now, not at its next tick.
          await disarm(event.tenantId, queryKey('saved', event.queryId))
          await armTenant(event.tenantId)
          return
        case 'query_saved':
        case 'query_enabled_changed':
          // Re-arm the tenant as a whole: a first saved query also retires the tenant's built-in queries.
          await armTenant(event.tenantId)
          return
        default:
          event satisfies never
      }
    },
    async runNow({ tenantId, definition }) {
      if (!(await stores.connections.get(tenantId))) {
        throw new ApiError(ApiErrorCode.ConnectionNotFound, 'Connect PostHog before running a query.', { status: 404 })
      }
      return { runId: await runNow(tenantId, queryKey('saved', definition.id)) }
    },
  }

  return {
    scheduler,
    backfills,
    tick,
    runNow,
    sweep,
    resume: drainInBackground,
    async start() {
      for (const tenant of await stores.tenants.list()) await armTenant(tenant.id)
      await slots.start((slot) => tick(slot).then(() => {}))
      await sweep()
      scheduleSweep()
      logger.info('Sync worker started.', { workerId, database: database.kind, queries: nextDue.size })
    },
    async waitForRun(runId, { pollMs = 200, signal } = {}) {
      for (;;) {
        const row = await database.db.selectFrom('runs').select('stage').where('id', '=', runId).executeTakeFirst()
        if (!row || row.stage === 2 || signal?.aborted) return
        await clock.sleep(pollMs, signal).catch(() => {})
      }
    },
    async stop() {
      if (stopping) return
      stopping = true
      clearTimeout(sweepTimer)
      await slots.close()
      await sweeping
      const grace = setTimeout(() => hardStop.abort(), tunables.shutdownGraceMs)
      grace.unref()
      await Promise.allSettled([...running])
      clearTimeout(grace)
      logger.info('Sync worker stopped.', { workerId })
    },
  }
}
