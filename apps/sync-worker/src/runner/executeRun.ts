import {
  type ApiInFlightRun,
  type ApiRun,
  apiRunSchema,
  createPostHogClient,
  type PageWritten,
  type QueryDefinition,
  type RunReport,
  runTenant,
  runWindow,
  type SyncProgress,
  type SyncWindow,
} from '@statisfy/posthog-sdk'
import { POSTHOG_KEY_SECRET } from '@statisfy/posthog-sdk/server'
import { sql } from 'kysely'
import type { RunsTable } from '../db/Database'
import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable'
import type { WorkerDatabase } from '../db/openDatabase'
import { transact } from '../db/transact'
import { type LeaseHolder, renewLease } from './leases'
import { type CommittedCounts, finishedRecord, mergeAttempts, noCounts } from './mergeAttempts'
import { onFirstAcquire } from './onFirstAcquire'
import { PageBuffer } from './PageBuffer'
import { parseQueryKey } from './queryKey'
import type { RunContext } from './RunContext'
import { crashedRun, heartbeat, runningRun, withProgress } from './runRecords'
import { writePage, writeRejects } from './writePage'

// runSync reports progress per page and per batch; the run store gets at most one progress save per interval.
const PROGRESS_SAVE_MS = 500

/** Why a run stopped without a final report: it is resumed later from its checkpoint, by this process or another. */
type Interruption = 'shutdown' | 'lease_lost'

class Interrupted extends Error {
  constructor(readonly reason: Interruption) {
    super(
      reason === 'shutdown'
        ? 'The worker is shutting down; the run resumes from its last page.'
        : 'Another worker took this run over.',
    )
  }
}

/** The database could not be reached (`cause` says how): the run is left as its last committed page left it. */
class DatabaseUnreachable extends Error {
  constructor(override readonly cause: unknown) {
    super(String(cause))
  }
}

/** A failure the worker reports in the run's record (the query, tenant or connection cannot be run). */
class RunRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Runs one run of a query while holding its lease, and saves what happened: `running` with progress and a
 * heartbeat, then the final report (merged with what earlier attempts committed). Every page commits its rows, its
 * rejects, the run's checkpoint and the query's watermark in one transaction, fenced by the lease, so a run killed
 * at any point resumes re-reading at most one page and a run whose lease was taken over never writes again.
 * A run whose database cannot be reached, at any step, is not failed either: it stops where its last committed page
 * left it, and the sweep resumes it from there once the database answers and the lease has expired.
 * Never throws for the run's own failures: they are the run's report. Returns how the run ended.
 */
export async function executeRun(
  context: RunContext,
  row: RunsTable,
  holder: LeaseHolder,
): Promise<'finished' | Interruption | 'database_unreachable'> {
  try {
    return await attemptRun(context, row, holder)
  } catch (error) {
    const unreachable =
      error instanceof DatabaseUnreachable ? error.cause : await unreachableDatabase(context.database, error)
    if (!unreachable) throw error
    // Nothing more is saved: the database is not there. The run stays `running` at its checkpoint, this attempt
    // leaves no report and no watermark, and its lease, no longer renewed, expires for the sweep to resume it.
    context.logger.error(
      `${context.database.description} is not reachable: the run stopped at its last committed page and resumes from it once the database answers. Check that the database is running and reachable from this host.`,
      { runId: row.id, tenantId: holder.tenantId, queryId: holder.queryId, error: String(unreachable) },
    )
    return 'database_unreachable'
  }
}

async function attemptRun(
  context: RunContext,
  row: RunsTable,
  holder: LeaseHolder,
): Promise<'finished' | Interruption> {
  const { database, stores, clock, tunables, logger } = context
  const runs = stores.runs()
  const stored = apiRunSchema.safeParse(JSON.parse(row.record))
  if (!stored.success) {
    logger.error('A stored run record does not parse; it is left as it is.', { runId: row.id })
    return 'finished'
  }
  const record: ApiRun = stored.data
  if (record.status !== 'queued' && record.status !== 'running') return 'finished'
  const startedMs = clock.now()
  const resumed = record.status === 'running'
  let current: ApiInFlightRun = resumed
    ? heartbeat(record, new Date(startedMs))
    : runningRun(record, new Date(startedMs))
  const base: CommittedCounts = row.committed ? (JSON.parse(row.committed) as CommittedCounts) : noCounts
  await database.db
    .updateTable('runs')
    .set({ attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .execute()
  await runs.save(holder.tenantId, current)
  if (row.slot_ms !== null && !resumed) {
    await database.db
      .updateTable('slots')
      .set({ status: 'running', delay_ms: Math.max(0, startedMs - row.slot_ms) })
      .where('tenant_id', '=', holder.tenantId)
      .where('query_id', '=', holder.queryId)
      .where('slot_ms', '=', row.slot_ms)
      .execute()
  }

  // Saves chained one after another, so an older count never lands after a newer one.
  let saving = Promise.resolve()
  let savedAt = clock.now()
  const save = (next: ApiInFlightRun) => {
    savedAt = clock.now()
    current = next
    saving = saving
      .then(() => runs.save(holder.tenantId, next))
      .catch((error: unknown) => logger.warn('Saving run progress failed.', { runId: row.id, error: String(error) }))
  }
  const abort = new AbortController()
  const onHardStop = () => abort.abort(new Interrupted('shutdown'))
  context.hardStop.addEventListener('abort', onHardStop, { once: true })
  let interruption: Interruption | null = null
  // The lease's heartbeat: renewed every third of its length; a renewal refused means another process has the run.
  const timer = setInterval(async () => {
    try {
      if (!(await renewLease(database.db, holder, clock.now(), tunables.leaseMs))) {
        interruption = 'lease_lost'
        abort.abort(new Interrupted('lease_lost'))
        return
      }
      if (clock.now() - savedAt >= tunables.leaseMs / 3) save(heartbeat(current, new Date(clock.now())))
    } catch (error) {
      logger.warn('Renewing the lease failed; retrying.', { runId: row.id, error: String(error) })
    }
  }, tunables.leaseMs / 3)
  timer.unref()

  let report: RunReport
  try {
    report = await sync(context, row, holder, base, {
      signal: abort.signal,
      onProgress: (progress: SyncProgress) => {
        if (progress.phase === 'done' || clock.now() - savedAt < PROGRESS_SAVE_MS) return
        save(
          withProgress(
            current,
            {
              ...progress,
              rowsRead: progress.rowsRead + base.read,
              written: progress.written + base.written,
              rejected: progress.rejected + base.rejected,
            },
            new Date(clock.now()),
          ),
        )
      },
      interrupt: (reason) => {
        interruption = reason
        throw new Interrupted(reason)
      },
      // A run held by the key's limits (another run's 429 pause, concurrency, budgets) is delayed, not dropped: its
      // slot's delay runs until PostHog lets its first request through, not just until the run began waiting.
      onFirstRequest: () => {
        if (row.slot_ms === null || resumed) return
        const slotMs = row.slot_ms
        const delayMs = Math.max(0, clock.now() - slotMs)
        saving = saving
          .then(async () => {
            await database.db
              .updateTable('slots')
              .set({ delay_ms: delayMs })
              .where('tenant_id', '=', holder.tenantId)
              .where('query_id', '=', holder.queryId)
              .where('slot_ms', '=', slotMs)
              .execute()
          })
          .catch((error: unknown) =>
            logger.warn('Recording the slot delay failed.', { runId: row.id, error: String(error) }),
          )
      },
    })
  } catch (error) {
    if (error instanceof RunRefused) {
      report = refusedReport(current, clock.now(), error)
    } else {
      clearInterval(timer)
      await saving
      const unreachable = await unreachableDatabase(database, error)
      if (unreachable) throw new DatabaseUnreachable(unreachable)
      logger.error('A run failed outside the sync engine.', { runId: row.id, error: String(error) })
      await runs.save(holder.tenantId, crashedRun(current, new Date(clock.now()), error))
      await finishSlot(context, row, holder, 'failed')
      return 'finished'
    }
  } finally {
    clearInterval(timer)
    context.hardStop.removeEventListener('abort', onHardStop)
  }
  await saving
  if (interruption) {
    logger.info('Run interrupted; it resumes from its last committed page.', { runId: row.id, reason: interruption })
    return interruption
  }
  // The report of a run whose page could not be committed (or whose limiter could not be asked) says only
  // `internal` or `aborted`: whether the database is there now tells a lost database from a real failure.
  const unreachable = report.status === 'failed' ? await unreachableDatabase(database, null) : null
  if (unreachable) throw new DatabaseUnreachable(unreachable)
  const merged = await mergeAttempts(database.db, row.id, report, base, resumed ? record.startedAt : null)
  await runs.save(holder.tenantId, finishedRecord(merged, row.id, record.trigger))
  await finishSlot(context, row, holder, merged.status)
  logger.info('Run finished.', {
    runId: row.id,
    tenantId: holder.tenantId,
    queryId: holder.queryId,
    status: merged.status,
    read: merged.counts.read,
    written: merged.counts.written,
    rejected: merged.counts.rejected,
    error: merged.error?.code,
  })
  return 'finished'
}

/** The error that says the database cannot be reached: `error` itself, or what a `select 1` gets now. */
async function unreachableDatabase(database: WorkerDatabase, error: unknown): Promise<unknown> {
  if (isDatabaseUnreachable(error)) return error
  try {
    await sql`select 1`.execute(database.db)
    return null
  } catch (probe) {
    return isDatabaseUnreachable(probe) ? probe : null
  }
}

async function finishSlot(context: RunContext, row: RunsTable, holder: LeaseHolder, status: string) {
  if (row.slot_ms === null) return
  await context.database.db
    .updateTable('slots')
    .set({ status })
    .where('tenant_id', '=', holder.tenantId)
    .where('query_id', '=', holder.queryId)
    .where('slot_ms', '=', row.slot_ms)
    .execute()
}

interface SyncHooks {
  signal: AbortSignal
  onProgress: (progress: SyncProgress) => void
  interrupt: (reason: Interruption) => never
  /** Called once, when the run's first PostHog request gets past the key's limiter. */
  onFirstRequest: () => void
}

const usesWindow = (definition: QueryDefinition) =>
  definition.hogql.includes('{period_start}') || definition.hogql.includes('{period_end}')

async function sync(
  context: RunContext,
  row: RunsTable,
  holder: LeaseHolder,
  base: CommittedCounts,
  hooks: SyncHooks,
): Promise<RunReport> {
  const { database, stores, clock, tunables } = context
  const { tenantId } = holder
  const definition = await loadDefinition(context, tenantId, holder.queryId)
  const tenant = await stores.tenants.get(tenantId)
  if (!tenant)
    throw new RunRefused(
      'tenant_not_found',
      `Tenant '${tenantId}' does not exist; add it with \`sync-worker tenants add ${tenantId}\`.`,
    )
  const connection = await stores.connections.get(tenantId)
  const personalApiKey = connection ? await stores.secrets.get(tenantId, POSTHOG_KEY_SECRET) : null
  if (tenant.trackingEnabled && (!connection || !personalApiKey)) {
    throw new RunRefused(
      'connection_not_found',
      `Tenant '${tenantId}' has no PostHog connection: connect PostHog in the settings page (PUT /connection), then run the query again.`,
    )
  }
  const client =
    connection && personalApiKey
      ? createPostHogClient({
          apiHost: connection.apiHost,
          projectId: connection.projectId,
          personalApiKey,
          fetch: context.fetch,
          limiter: onFirstAcquire(context.limiterFor(connection.apiHost, personalApiKey), hooks.onFirstRequest),
        })
      : null
  const timeZone =
    definition.grain && client && connection
      ? await context.projectTimeZone(`${connection.apiHost}/${connection.projectId}`, async () => {
          const project = (await client.testConnection()).project
          return project?.timezone ?? (await client.query('select 1')).timezone ?? undefined
        })
      : undefined

  const window =
    usesWindow(definition) && tenant.trackingEnabled
      ? await runWindowOf(context, row, holder, definition, timeZone)
      : undefined
  // A run resumed after its last page was committed (its final save was lost with the process or the database) has
  // nothing left to read; PostHog would refuse the empty window.
  const readNothing = window !== undefined && window.start.getTime() >= window.end.getTime()
  const buffer = new PageBuffer()
  const sink = context.hostSink ?? buffer
  const isBackfill = row.backfill_id !== null
  const commit = async (page: PageWritten) => {
    const contents = buffer.take()
    const checkpoint = page.window?.end.getTime() ?? null
    await transact(database, async (trx) => {
      if (!(await renewLease(trx, holder, clock.now(), tunables.leaseMs))) hooks.interrupt('lease_lost')
      if (!context.hostSink)
        await writePage(database, trx, contents, { tenantId, queryId: holder.queryId, runId: row.id })
      await writeRejects(trx, row.id, contents.rejects)
      const committed: CommittedCounts = {
        read: base.read + page.rowsRead,
        written: base.written + page.written,
        rejected: base.rejected + page.rejected,
      }
      await trx
        .updateTable('runs')
        .set({ checkpoint_ms: checkpoint, committed: JSON.stringify(committed) })
        .where('id', '=', row.id)
        .execute()
      // A backfill never moves the live watermark: its range need not touch it, and a watermark moved past a gap
      // would make the regular runs skip the gap.
      if (checkpoint !== null && !isBackfill) await advanceWatermark(trx, holder, checkpoint)
    })
    if (context.stopping()) hooks.interrupt('shutdown')
  }
  const plan = {
    tenantId,
    trackingEnabled: tenant.trackingEnabled,
    savedQueries: parseQueryKey(holder.queryId).source === 'saved' ? [definition] : [],
    builtInQueries: parseQueryKey(holder.queryId).source === 'built_in' ? [definition] : [],
  }
  const result = await runTenant(
    plan,
    {
      client: readNothing
        ? { pages: async function* () {} }
        : (client ?? {
            pages: () => {
              throw new Error('PostHog is not called for a skipped run.')
            },
          }),
      sink,
      catalog: await stores.catalog.getCatalog(tenantId),
      directory: stores.directory(tenantId),
    },
    {
      windowFor: () => window,
      ...(timeZone ? { timeZone } : {}),
      signal: hooks.signal,
      onProgress: hooks.onProgress,
      // Rows are numbered from the start of the whole run, so a resumed run's rejects continue its earlier pages'.
      onRejects: (rejects) =>
        buffer.addRejects(base.read === 0 ? rejects : rejects.map((r) => ({ ...r, row: r.row + base.read }))),
      onPageWritten: commit,
    },
  )
  const report = result.reports[0]
  if (!report) throw new Error('runTenant returned no report for the query.')
  if (hooks.signal.aborted && hooks.signal.reason instanceof Interrupted) hooks.interrupt(hooks.signal.reason.reason)
  if (window && !isBackfill && (report.status === 'succeeded' || report.status === 'partial')) {
    await advanceWatermark(database.db, holder, window.end.getTime())
  }
  return report
}

async function advanceWatermark(db: Parameters<typeof renewLease>[0], holder: LeaseHolder, toMs: number) {
  await db
    .updateTable('query_state')
    .set({ watermark_ms: toMs })
    .where('tenant_id', '=', holder.tenantId)
    .where('query_id', '=', holder.queryId)
    .where((eb) => eb.or([eb('watermark_ms', 'is', null), eb('watermark_ms', '<', toMs)]))
    .execute()
}

async function loadDefinition(context: RunContext, tenantId: string, key: string): Promise<QueryDefinition> {
  const { source, id } = parseQueryKey(key)
  const rows = await context.stores.queryRows(tenantId)
  const found = rows.find((r) => r.source === source && r.queryId === id)
  if (!found)
    throw new RunRefused(
      'query_not_found',
      `The ${source === 'saved' ? 'saved' : 'built-in'} query '${id}' no longer exists; nothing to run.`,
    )
  if ('error' in found) {
    throw new RunRefused(
      'invalid_query',
      `The stored query '${id}' is not a valid query definition: ${found.error} Open it in the settings page and save it again.`,
    )
  }
  return { ...found.definition, id: key }
}

/**
 * The window a run reads, fixed when it first starts (so a resumed run reads the same range): from the query's
 * watermark (less the late-arrival lookback) to when the run started, never the tick's time. A resumed run starts
 * at its checkpoint.
 */
async function runWindowOf(
  context: RunContext,
  row: RunsTable,
  holder: LeaseHolder,
  definition: QueryDefinition,
  timeZone: string | undefined,
): Promise<SyncWindow> {
  if (row.window_start_ms !== null && row.window_end_ms !== null) {
    return { start: new Date(row.checkpoint_ms ?? row.window_start_ms), end: new Date(row.window_end_ms) }
  }
  const state = await context.database.db
    .selectFrom('query_state')
    .select('watermark_ms')
    .where('tenant_id', '=', holder.tenantId)
    .where('query_id', '=', holder.queryId)
    .executeTakeFirst()
  const now = new Date(context.clock.now())
  const watermark =
    state?.watermark_ms != null && state.watermark_ms < now.getTime() ? new Date(state.watermark_ms) : undefined
  let window: SyncWindow
  try {
    window = runWindow(definition.cadence, {
      scheduledAt: now,
      watermark,
      initialLookbackMs: context.tunables.initialLookbackMs,
      lateArrivalMs: context.tunables.lateArrivalMs,
      maxSpanMs: context.tunables.maxSpanMs,
      grain: timeZone ? definition.grain : undefined,
      timeZone,
    })
  } catch (error) {
    throw new RunRefused('invalid_window', error instanceof Error ? error.message : String(error))
  }
  await context.database.db
    .updateTable('runs')
    .set({ window_start_ms: window.start.getTime(), window_end_ms: window.end.getTime() })
    .where('id', '=', row.id)
    .execute()
  return window
}

function refusedReport(run: ApiInFlightRun, nowMs: number, error: RunRefused): RunReport {
  const failed = crashedRun(run, new Date(nowMs), error)
  const { id: _id, trigger: _trigger, ...report } = failed
  return { ...report, error: { code: error.code, message: error.message } }
}
