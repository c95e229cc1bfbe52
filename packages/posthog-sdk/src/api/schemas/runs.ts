import * as z from 'zod'
import { runReportSchema, sampledRejectSchema } from '../../sync/index'
import { apiLimits, cursorSchema, pageLimitSchema, resourceIdSchema } from './common'

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

/**
 * One sync run of a saved query, the audit record the history view shows: the sync engine's `RunReport`
 * (status, counts, reasons with samples, PostHog timings and the HogQL sent) plus the run's id and trigger.
 */
export const apiRunSchema = runReportSchema.extend({
  id: z.string(),
  trigger: z.enum([ApiRunTrigger.Schedule, ApiRunTrigger.Manual, ApiRunTrigger.Backfill]),
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
