import * as z from 'zod'
import { QUERY_TYPES } from '../config/index'
import { REJECT_REASONS } from '../mapping/index'
import { jsonValueSchema } from './jsonValue'

/** Final status of one query's run. */
export const RunStatus = {
  /** Every row read was written. */
  Succeeded: 'succeeded',
  /** The run completed but some rows (or cells) were rejected; see `reasons`. */
  Partial: 'partial',
  /** The query could not be run, mapped or written; see `error`. Rows written before a write failure stay written. */
  Failed: 'failed',
  /** The query was not run; see `skipReason`. No PostHog call was made. */
  Skipped: 'skipped',
} as const
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus]

/** Why a query was not run. */
export const SkipReason = {
  /** Activity tracking is disabled for the tenant: PostHog is not called at all. */
  TrackingDisabled: 'tracking_disabled',
  /** The saved query is disabled. */
  QueryDisabled: 'query_disabled',
} as const
export type SkipReason = (typeof SkipReason)[keyof typeof SkipReason]

const isoSchema = z.iso.datetime({ offset: true })
const countSchema = z.number().int().nonnegative()
const timingsSchema = z.array(z.object({ k: z.string(), t: z.number() }))

/** One page read from PostHog: the window it covers and what reading it cost. */
const runPageSchema = z.object({
  /** Position in `posthog.hogql` of the text this page sent. */
  hogql: countSchema,
  /** The `[start, end)` of this page; `null` for a query without window placeholders or a client that does not say. */
  window: z.object({ start: isoSchema, end: isoSchema }).nullable(),
  /** Rows the page held. */
  rows: countSchema,
  /** Windows that came back full, or that PostHog gave up on, re-read smaller before this page (each one extra request). */
  splits: countSchema,
  /** PostHog's own `timings` for this page (seconds per step). */
  timings: timingsSchema,
})
/** One page read from PostHog. */
export type RunPage = z.infer<typeof runPageSchema>

/** A rejected row with the row's data, as kept in a report. `row` is 1-based in the query result. */
export const sampledRejectSchema = z.object({
  row: z.number().int().positive(),
  column: z.string(),
  value: jsonValueSchema,
  reason: z.enum(REJECT_REASONS),
  message: z.string(),
  /** The whole row, by column name. */
  rowData: z.record(z.string(), jsonValueSchema),
})
/** A rejected row with its data. */
export type SampledReject = z.infer<typeof sampledRejectSchema>

/** The report of one query's run: what the host stores, the history view shows and the API serves. */
export const runReportSchema = z.object({
  queryId: z.string(),
  queryName: z.string(),
  type: z.enum(QUERY_TYPES),
  status: z.enum([RunStatus.Succeeded, RunStatus.Partial, RunStatus.Failed, RunStatus.Skipped]),
  /** Set when `status` is `skipped`. */
  skipReason: z.enum([SkipReason.TrackingDisabled, SkipReason.QueryDisabled]).nullable(),
  /** A dry run maps and resolves but writes nothing; `counts.written` then counts what would be written. */
  dryRun: z.boolean(),
  startedAt: isoSchema,
  finishedAt: isoSchema,
  durationMs: z.number().nonnegative(),
  /** The `[start, end)` filled into `{period_start}`/`{period_end}`; `null` when the run had none. */
  window: z.object({ start: isoSchema, end: isoSchema }).nullable(),
  counts: z.object({
    /** Rows read from PostHog (all pages). */
    read: countSchema,
    /** Records written (a row gives one record; a wide custom-field row one per mapped field). */
    written: countSchema,
    /** Rejects of every reason (rows; cells in the wide custom-field form). */
    rejected: countSchema,
    /** Rejects whose account matched nothing (`unmatched_account`). */
    unmatched: countSchema,
    /** Rejects whose account matched several accounts (`ambiguous_account`). */
    ambiguous: countSchema,
    /** Rejects by reason code (only reasons that occurred). */
    byReason: z.partialRecord(z.enum(REJECT_REASONS), countSchema),
  }),
  /** Rejects grouped by reason, most frequent first, each with up to N samples (the run option `samplesPerReason`). */
  reasons: z.array(
    z.object({ reason: z.enum(REJECT_REASONS), count: countSchema, samples: z.array(sampledRejectSchema) }),
  ),
  posthog: z.object({
    /**
     * Each distinct HogQL text sent, once, in the order first sent: usually one, as every page sends the same text
     * with its window in `values`. Reports stored by SDK versions before `pages` existed repeat it once per page.
     */
    hogql: z.array(z.string()),
    /** PostHog query requests made (pages and the split windows re-read). */
    requests: countSchema,
    /** Wall time spent waiting for PostHog's pages, ms. */
    elapsedMs: z.number().nonnegative(),
    /** PostHog's own `timings` (seconds per step), summed over requests by step name. */
    timings: timingsSchema,
    /** Every page read, in order (absent in reports stored by earlier SDK versions). */
    pages: z.array(runPageSchema).optional(),
  }),
  /** What failed (`status: failed`): a stable code (e.g. `missing_columns`, `rate_limited`, `sink_failed`) and a message. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
/** The report of one query's run. */
export type RunReport = z.infer<typeof runReportSchema>
