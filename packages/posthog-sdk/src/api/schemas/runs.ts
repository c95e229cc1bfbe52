import * as z from 'zod'
import { QUERY_TYPES } from '../../config/index'
import { RunStatus, runReportSchema, sampledRejectSchema } from '../../sync/index'
import { apiLimits, cursorSchema, isoDateTimeSchema, pageLimitSchema, resourceIdSchema } from './common'

/**
 * A row a run (or dry run) skipped: 1-based `row` in the query result, the `column` and `value` that failed, a stable
 * `reason` code (`unparseable_timestamp`, `not_a_number`, `unmatched_account`, `ambiguous_account`, ...), a
 * `message` for a person, and the whole row as `rowData`. The sync engine's `SampledReject`.
 */
export const apiRejectedRowSchema = sampledRejectSchema
/** A row a run skipped. */
export type ApiRejectedRow = z.infer<typeof apiRejectedRowSchema>

/** How a run was started. */
export const ApiRunTrigger = { Schedule: 'schedule', Manual: 'manual', Backfill: 'backfill' } as const
/** How a run was started. */
export type ApiRunTrigger = (typeof ApiRunTrigger)[keyof typeof ApiRunTrigger]

const triggerSchema = z.enum([ApiRunTrigger.Schedule, ApiRunTrigger.Manual, ApiRunTrigger.Backfill])
const countSchema = z.number().int().nonnegative()

/**
 * Every status a run passes through: `queued` (the scheduler accepted it), `running` (the worker is reading and
 * writing), then one final status of the sync engine's `RunStatus` (`succeeded`, `partial`, `failed`, `skipped`).
 */
export const ApiRunStatus = {
  Queued: 'queued',
  Running: 'running',
  ...RunStatus,
} as const
/** Every status a run passes through. */
export type ApiRunStatus = (typeof ApiRunStatus)[keyof typeof ApiRunStatus]

/**
 * A run that has not finished yet: queued, or running with its progress so far. The worker saves it when the run is
 * queued and again as it progresses; the finished run replaces it under the same `id`.
 */
export const apiInFlightRunSchema = z.object({
  id: z.string(),
  trigger: triggerSchema,
  queryId: z.string(),
  queryName: z.string(),
  type: z.enum(QUERY_TYPES),
  status: z.enum([ApiRunStatus.Queued, ApiRunStatus.Running]),
  /** A dry run maps and resolves but writes nothing. */
  dryRun: z.boolean(),
  /** When the scheduler accepted the run. */
  queuedAt: isoDateTimeSchema,
  /** When the worker started it; `null` while queued. */
  startedAt: isoDateTimeSchema.nullable(),
  /** Counts so far (the sync engine's `SyncProgress`); all 0 while queued. */
  progress: z.object({
    /** Rows read from PostHog so far. */
    rowsRead: countSchema,
    /** Records written so far. */
    written: countSchema,
    /** Rows (or cells) rejected so far. */
    rejected: countSchema,
  }),
  /**
   * When the run was last saved, the worker's heartbeat: set it on every in-flight save, and save a running run at
   * least every {@link runHeartbeat}`.saveEveryMs` even when no rows move. Runs saved before heartbeats have none;
   * `startedAt` (or `queuedAt`) stands in (see {@link runLastSavedAt}).
   */
  updatedAt: isoDateTimeSchema.optional(),
  /**
   * Set by the handler when it serves the run (a store need not keep it): `true` when the last save is older than
   * the handler's `limits.runStalledAfterMs`, so the worker has most likely died (see {@link isRunStalled}).
   * Derived at read time from the server's clock, so it clears by itself if the worker saves again.
   */
  stalled: z.boolean().optional(),
})
/** A run that has not finished yet. */
export type ApiInFlightRun = z.infer<typeof apiInFlightRunSchema>

/**
 * A finished run: the sync engine's `RunReport` (status, counts, reasons with samples, PostHog timings and the HogQL
 * sent) plus the run's id and trigger. Reports stored before runs had an in-flight state have exactly this shape.
 */
export const apiFinishedRunSchema = runReportSchema.extend({ id: z.string(), trigger: triggerSchema })
/** A finished run. */
export type ApiFinishedRun = z.infer<typeof apiFinishedRunSchema>

/**
 * One sync run of a saved query, the audit record the history view shows: in flight (`queued`, `running`) or
 * finished (a final status); narrow with {@link isRunInFlight} or on `status`.
 */
export const apiRunSchema = z.discriminatedUnion('status', [apiInFlightRunSchema, apiFinishedRunSchema])
/** One sync run of a saved query, in flight or finished. */
export type ApiRun = z.infer<typeof apiRunSchema>

/**
 * Whether the run is still queued or running (it has `progress`, not yet counts and a final status).
 * @example const active = runs.filter(isRunInFlight)
 */
export function isRunInFlight(run: ApiRun): run is ApiInFlightRun {
  return run.status === ApiRunStatus.Queued || run.status === ApiRunStatus.Running
}

/**
 * The heartbeat contract of runs in flight. A worker saves a running run (with `updatedAt`) at least every
 * `saveEveryMs`, even when no rows move; the handler serves a run in flight whose last save is older than
 * `stalledAfterMs` as stalled (its default `limits.runStalledAfterMs`): ten missed heartbeats, so a slow PostHog page
 * or a busy worker does not trip it, and a dead worker is noticed within minutes.
 */
export const runHeartbeat = {
  /** Longest a worker goes without saving a run it is running, in ms. */
  saveEveryMs: 30_000,
  /** A run in flight not saved for longer than this is stalled, in ms (the handler's default). */
  stalledAfterMs: 5 * 60_000,
} as const

/**
 * When a run in flight was last saved: the latest of its `updatedAt`, `startedAt` and `queuedAt`, as written. For a
 * run saved without `updatedAt` (before heartbeats, or by a worker that does not set it) that is `startedAt`, else
 * `queuedAt`; an `updatedAt` earlier than `startedAt` (a worker that kept the queued save's when it started the run)
 * does not count, since saving the run `running` was a save.
 */
export function runLastSavedAt(run: ApiInFlightRun): string {
  let latest = run.queuedAt
  for (const at of [run.startedAt, run.updatedAt]) if (at && Date.parse(at) > Date.parse(latest)) latest = at
  return latest
}

/**
 * Whether the server served the run as stalled: still `queued` or `running`, but not saved for longer than the
 * handler's limit, so its worker has most likely died. A stalled run is not polled and not shown as progressing;
 * it ends when the worker (or the host) saves its final state.
 * @example const live = runs.filter((run) => isRunInFlight(run) && !isRunStalled(run))
 */
export function isRunStalled(run: ApiRun): run is ApiInFlightRun & { stalled: true } {
  return isRunInFlight(run) && run.stalled === true
}

/** `GET /runs` query string. */
export const listRunsQuerySchema = z.object({
  /** Only runs of this saved query. */
  queryId: resourceIdSchema.optional(),
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema(apiLimits.runsMaxPageSize, apiLimits.runsDefaultPageSize),
})
/** `GET /runs` query string. */
export interface ListRunsQuery {
  /** Only runs of this saved query. */
  queryId?: string
  /** `nextCursor` of the previous page. */
  cursor?: string
  /** Runs per page. @default 20 (max 100) */
  limit?: number
}

/**
 * `GET /runs` response: runs in flight first (newest queued first), then finished runs newest first; pass
 * `nextCursor` back for the next page (`null` at the end).
 */
export const listRunsResponseSchema = z.object({ runs: z.array(apiRunSchema), nextCursor: z.string().nullable() })
/** `GET /runs` response. */
export type ListRunsResponse = z.infer<typeof listRunsResponseSchema>

/** `GET /runs/:runId` response: the run from the moment it is queued, in flight or finished. */
export const getRunResponseSchema = z.object({ run: apiRunSchema })
/** `GET /runs/:runId` response. */
export type GetRunResponse = z.infer<typeof getRunResponseSchema>

/** `GET /runs/:runId/rejects` query string. */
export const listRunRejectsQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema(apiLimits.rejectsMaxPageSize, apiLimits.rejectsDefaultPageSize),
})
/** `GET /runs/:runId/rejects` query string. */
export interface ListRunRejectsQuery {
  /** `nextCursor` of the previous page. */
  cursor?: string
  /** Rows per page. @default 100 (max 500) */
  limit?: number
}

/** `GET /runs/:runId/rejects` response: in row order; `total` counts every rejected row of the run. */
export const listRunRejectsResponseSchema = z.object({
  rejects: z.array(apiRejectedRowSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
})
/** `GET /runs/:runId/rejects` response. */
export type ListRunRejectsResponse = z.infer<typeof listRunRejectsResponseSchema>
