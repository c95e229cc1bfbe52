import * as z from 'zod'
import { queryDefinitionSchema } from '../../config/index'
import { dryRunReportSchema } from '../../sync/index'
import { apiJsonValueSchema, apiLimits } from './common'
import { previewLimitSchema, previewWindowSchema } from './hogql'

/** Rows already previewed, so a dry run need not ask PostHog again. */
export const dryRunSampleSchema = z.object({
  columns: z.array(z.string()).min(1, { message: 'The sample needs at least one column.' }),
  types: z.array(z.string()).optional(),
  rows: z
    .array(z.array(apiJsonValueSchema))
    .max(apiLimits.previewMaxRows, { message: `A sample holds at most ${apiLimits.previewMaxRows} rows.` }),
})
/** Rows already previewed. */
export type DryRunSample = z.infer<typeof dryRunSampleSchema>

/**
 * `POST /dry-run`: map and resolve a (possibly unsaved) definition without writing. With `sample` the given rows
 * are used (the preview the user is looking at); without it the query is previewed first (`limit` rows, the
 * definition's `values`).
 */
export const dryRunRequestSchema = z.object({
  definition: queryDefinitionSchema,
  sample: dryRunSampleSchema.optional(),
  /** The window to preview with when no sample is given (see `POST /preview`). */
  window: previewWindowSchema.optional(),
  limit: previewLimitSchema,
})
/** `POST /dry-run` body. */
export type DryRunRequest = z.input<typeof dryRunRequestSchema>

/**
 * `POST /dry-run` response: the sync engine's `DryRunReport` (records that would be written with their 1-based row,
 * every reject with its reason, counts by reason, the resolver's match rate with unmatched and ambiguous examples,
 * and `error` when the mapping cannot apply to the sample), plus the HogQL sent when the server previewed the query
 * itself (`null` when a sample was given).
 */
export const dryRunResponseSchema = dryRunReportSchema.extend({ hogql: z.string().nullable() })
/** `POST /dry-run` response. */
export type DryRunResponse = z.infer<typeof dryRunResponseSchema>
