// The demo's sync worker: a Scheduler that runs saved queries through the SDK's real sync engine (`runSync`) against
// the tenant's saved PostHog connection and records each run in the run store as it goes (queued, running with its
// progress and a heartbeat every 10 s while no rows move, then runSync's RunReport), so SyncHistory shows real runs
// from the moment they start, and a run whose worker died as stalled.
// "Run now" runs at once; saved schedules fire at their next run time while the demo is up.

// The run records the demo saves are the sync worker's, so the two never drift apart.
import {
  crashedRun,
  heartbeat,
  queuedRun,
  runningRun,
  withProgress,
} from '../../apps/sync-worker/src/runner/runRecords'
import type { ApiInFlightRun } from '../../packages/posthog-sdk/src/api/index'
import { ApiError, ApiErrorCode, ApiRunTrigger, runHeartbeat } from '../../packages/posthog-sdk/src/api/index'
import { createPostHogClient, type PostHogClient } from '../../packages/posthog-sdk/src/client/index'
import type { QueryDefinition } from '../../packages/posthog-sdk/src/config/index'
import type { AccountDirectory } from '../../packages/posthog-sdk/src/resolve/index'
import { nextRuns, runWindow } from '../../packages/posthog-sdk/src/schedule/index'
import type {
  CatalogProvider,
  ConnectionStore,
  HostGuardOptions,
  RunStore,
  Scheduler,
  SecretStore,
} from '../../packages/posthog-sdk/src/server/index'
import { createGuardedFetch, createHostGuard } from '../../packages/posthog-sdk/src/server/index'
import { runSync, type SyncProgress } from '../../packages/posthog-sdk/src/sync/index'
import { createMemoryRecordSink } from '../../packages/posthog-sdk/src/testing/index'

/** Ports the demo worker shares with the handler (the same instances, so the page sees what the worker writes). */
export interface DemoSchedulerPorts {
  connections: ConnectionStore
  runs: RunStore
  secrets: SecretStore
  catalog: CatalogProvider
  directory: (tenantId: string) => AccountDirectory | Promise<AccountDirectory>
  hostGuard: HostGuardOptions
  /** The secret name the handler keeps the PostHog key under. */
  keySecretName: string
}

// The first run of a query reads the last week; later runs continue from the previous run's window end (the
// watermark), as a host's worker would.
const FIRST_RUN_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000

// runSync reports progress per page read and per batch written; the run store gets at most one save per interval.
const PROGRESS_SAVE_MS = 500

// A running run is saved at least this often even when no rows move (a slow PostHog query), so the handler, which
// serves a run not saved for runHeartbeat.stalledAfterMs as stalled, knows this worker is alive. A third of the
// SDK's heartbeat interval, so a late timer still keeps it.
const HEARTBEAT_MS = runHeartbeat.saveEveryMs / 3

/** Creates the demo worker. Records are written to an in-memory sink (the demo has no Statisfy database). */
export function createDemoScheduler(ports: DemoSchedulerPorts): Scheduler {
  const sink = createMemoryRecordSink()
  const watermarks = new Map<string, Date>()
  const timers = new Map<string, NodeJS.Timeout>()
  const guardedFetch = createGuardedFetch({ guard: createHostGuard(ports.hostGuard) })
  const projectZones = new Map<string, string | null>()

  // PostHog buckets toStartOfDay & co. in the project's time zone, so a query with a grain is windowed in that zone.
  // The project read gives it; a query-only key (no project:read) still gets it with every query result. When
  // PostHog cannot be asked, runSync reports the failure (invalid_grain or the read's error) in the run history.
  async function projectTimeZone(client: PostHogClient, apiHost: string, projectId: number) {
    const key = `${apiHost}/${projectId}`
    if (!projectZones.has(key)) {
      try {
        const project = (await client.testConnection()).project
        projectZones.set(key, project?.timezone ?? (await client.query('select 1')).timezone)
      } catch {
        return undefined
      }
    }
    return projectZones.get(key) ?? undefined
  }

  async function execute(tenantId: string, definition: QueryDefinition, queued: ApiInFlightRun) {
    let current = runningRun(queued, new Date())
    // Saves chained one after another, so an older count never lands after a newer one.
    let saving = Promise.resolve()
    let savedAt = Date.now()
    const save = (next: ApiInFlightRun) => {
      savedAt = Date.now()
      current = next
      saving = saving
        .then(() => ports.runs.save(tenantId, next))
        .catch((error: unknown) => console.error(`run ${queued.id}: saving progress failed:`, error))
    }
    const saveProgress = (progress: SyncProgress) => {
      // The final save follows `done`; a progress save after it would be ignored by the store anyway.
      if (progress.phase === 'done' || Date.now() - savedAt < PROGRESS_SAVE_MS) return
      save(withProgress(current, progress, new Date()))
    }
    // The heartbeat: checked often, saved only when nothing else was saved for HEARTBEAT_MS.
    const timer = setInterval(() => {
      if (Date.now() - savedAt >= HEARTBEAT_MS) save(heartbeat(current, new Date()))
    }, HEARTBEAT_MS / 5)
    timer.unref()
    const stopHeartbeat = () => clearInterval(timer)
    try {
      await ports.runs.save(tenantId, current)
      const report = await sync(tenantId, definition, queued.id, saveProgress).finally(stopHeartbeat)
      await saving
      await ports.runs.save(tenantId, { ...report, id: queued.id, trigger: queued.trigger })
      console.log(
        `run ${queued.id} (${queued.trigger}) of "${definition.name}": ${report.status}, ${report.counts.written} written`,
      )
    } catch (error) {
      stopHeartbeat()
      await saving
      await ports.runs.save(tenantId, crashedRun(current, new Date(), error))
      throw error
    }
  }

  async function sync(
    tenantId: string,
    definition: QueryDefinition,
    runId: string,
    onProgress: (progress: SyncProgress) => void,
  ) {
    const connection = await ports.connections.get(tenantId)
    const personalApiKey = await ports.secrets.get(tenantId, ports.keySecretName)
    if (!connection || !personalApiKey) throw new Error('PostHog is not connected')
    const { apiHost, projectId } = connection
    const client = createPostHogClient({ apiHost, projectId, personalApiKey, fetch: guardedFetch })
    const key = `${tenantId}/${definition.id}`
    const usesWindow = definition.hogql.includes('{period_start}') || definition.hogql.includes('{period_end}')
    const now = new Date()
    const watermark = watermarks.get(key)
    const timeZone = definition.grain ? await projectTimeZone(client, apiHost, projectId) : undefined
    // With a grain the window starts at the start of the watermark's bucket, so the bucket the last run read "so
    // far" is read again whole and its upserted value is the complete one.
    const window = usesWindow
      ? runWindow(definition.cadence, {
          scheduledAt: now,
          initialLookbackMs: FIRST_RUN_LOOKBACK_MS,
          // Without the zone the window stays plain and runSync fails the run with invalid_grain, saying why.
          grain: timeZone ? definition.grain : undefined,
          timeZone,
          ...(watermark && watermark < now ? { watermark } : {}),
        })
      : undefined
    const report = await runSync(
      definition,
      { client, sink, catalog: await ports.catalog.getCatalog(tenantId), directory: await ports.directory(tenantId) },
      {
        ...(window ? { window } : {}),
        ...(timeZone ? { timeZone } : {}),
        onProgress,
        // The run is saved since it was queued, so its rejected rows can be added as they come.
        onRejects: (batch) => ports.runs.addRejects(tenantId, runId, batch),
      },
    )
    if (window && (report.status === 'succeeded' || report.status === 'partial')) watermarks.set(key, window.end)
    return report
  }

  /** Saves the run as queued (so the history and getRun show it at once), then runs it in the background. */
  async function start(tenantId: string, definition: QueryDefinition, trigger: ApiRunTrigger): Promise<string> {
    const queued = queuedRun(definition, `run_${crypto.randomUUID()}`, trigger, new Date())
    await ports.runs.save(tenantId, queued)
    execute(tenantId, definition, queued).catch((error: unknown) => console.error(`run ${queued.id} failed:`, error))
    return queued.id
  }

  // The latest saved definition per query, so enabling a query again can re-arm its schedule.
  const definitions = new Map<string, QueryDefinition>()

  function arm(tenantId: string, definition: QueryDefinition) {
    const key = `${tenantId}/${definition.id}`
    clearTimeout(timers.get(key))
    timers.delete(key)
    if (!definition.enabled) return
    const [next] = nextRuns(definition.cadence, new Date(), 1)
    if (!next) return
    // setTimeout holds at most ~24.8 days; a later run re-arms when the timer fires early.
    const delay = Math.min(next.getTime() - Date.now(), 2 ** 31 - 1)
    const timer = setTimeout(() => {
      if (Date.now() >= next.getTime()) {
        start(tenantId, definition, ApiRunTrigger.Schedule).catch((error: unknown) =>
          console.error(`queueing a run of "${definition.name}" failed:`, error),
        )
      }
      arm(tenantId, definition)
    }, delay)
    timer.unref()
    timers.set(key, timer)
  }

  return {
    async notify(event) {
      switch (event.type) {
        case 'query_saved':
          definitions.set(`${event.tenantId}/${event.definition.id}`, event.definition)
          arm(event.tenantId, event.definition)
          return
        case 'query_enabled_changed': {
          const definition = definitions.get(`${event.tenantId}/${event.queryId}`)
          if (!definition) return
          definitions.set(`${event.tenantId}/${event.queryId}`, { ...definition, enabled: event.enabled })
          arm(event.tenantId, { ...definition, enabled: event.enabled })
          return
        }
        case 'query_deleted':
          definitions.delete(`${event.tenantId}/${event.queryId}`)
          clearTimeout(timers.get(`${event.tenantId}/${event.queryId}`))
          return
        default:
          event satisfies never
      }
    },
    async runNow({ tenantId, definition }) {
      if (!(await ports.connections.get(tenantId))) {
        throw new ApiError(ApiErrorCode.ConnectionNotFound, 'Connect PostHog before running a query.', { status: 404 })
      }
      return { runId: await start(tenantId, definition, ApiRunTrigger.Manual) }
    },
  }
}
