import { z } from 'zod'
import {
  apiLimits,
  cursorSchema,
  isoDateTimeSchema,
  jsonValueSchema,
  pageLimitSchema,
  resourceIdSchema,
} from './common'

/** A row a run (or dry run) skipped, with where and why. */
export const apiRejectedRowSchema = z.object({
  /** 0-based index of the row in the PostHog result. */
  row: z.number().int().nonnegative(),
  /** The column that failed, when one did. */
  column: z.string().nullable(),
  /** The offending value. */
  value: jsonValueSchema,
  /** Stable reason code: `unparseable_timestamp`, `not_a_number`, `unmatched_account`, `ambiguous_account`, ... */
  reason: z.string(),
  /** What went wrong, for a person. */
  message: z.string(),
})
/** A row a run skipped. */
export type ApiRejectedRow = z.infer<typeof apiRejectedRowSchema>

/** How a run was started. */
export const ApiRunTrigger = { Schedule: 'schedule', Manual: 'manual', Backfill: 'backfill' } as const
/** How a run was started. */
export type ApiRunTrigger = (typeof ApiRunTrigger)[keyof typeof ApiRunTrigger]

/** Where a run is. `queued` and `running` are transient; the rest are final (see the sync engine's run report). */
export const ApiRunStatus = {
  Queued: 'queued',
  Running: 'running',
  Succeeded: 'succeeded',
  Partial: 'partial',
  Failed: 'failed',
  Skipped: 'skipped',
} as const
/** Where a run is. */
export type ApiRunStatus = (typeof ApiRunStatus)[keyof typeof ApiRunStatus]

/** One sync run of a saved query: the audit record the history view shows. */
export const apiRunSchema = z.object({
  id: z.string(),
  queryId: z.string(),
  trigger: z.enum([ApiRunTrigger.Schedule, ApiRunTrigger.Manual, ApiRunTrigger.Backfill]),
  status: z.enum([
    ApiRunStatus.Queued,
    ApiRunStatus.Running,
    ApiRunStatus.Succeeded,
    ApiRunStatus.Partial,
    ApiRunStatus.Failed,
    ApiRunStatus.Skipped,
  ]),
  startedAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
  /** The `{period_start}`..`{period_end}` window the run covered, when the query uses one. */
  window: z.object({ start: isoDateTimeSchema, end: isoDateTimeSchema }).nullable(),
  counts: z.object({
    read: z.number().int().nonnegative(),
    written: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    unmatched: z.number().int().nonnegative(),
  }),
  /** Rejected rows grouped by reason, with counts and a few samples each. */
  reasons: z.array(
    z.object({ reason: z.string(), count: z.number().int().nonnegative(), samples: z.array(apiRejectedRowSchema) }),
  ),
  /** PostHog requests made and the time they took. */
  posthog: z.object({ requests: z.number().int().nonnegative(), elapsedMs: z.number().nonnegative() }),
  /** Every HogQL text sent to PostHog (one per window or page). */
  hogql: z.array(z.string()),
  /** Why the run failed or was skipped. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
/** One sync run of a saved query. */
export type ApiRun = z.infer<typeof apiRunSchema>

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

/** `GET /runs` response: newest first; pass `nextCursor` back for the next page (`null` at the end). */
export const listRunsResponseSchema = z.object({ runs: z.array(apiRunSchema), nextCursor: z.string().nullable() })
/** `GET /runs` response. */
export type ListRunsResponse = z.infer<typeof listRunsResponseSchema>

/** `GET /runs/:runId` response. */
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
