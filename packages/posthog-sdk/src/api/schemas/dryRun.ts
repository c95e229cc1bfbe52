import { z } from 'zod'
import { queryDefinitionSchema } from '../../config/index'
import { apiLimits, jsonValueSchema } from './common'
import { previewWindowSchema } from './hogql'
import { apiRejectedRowSchema } from './runs'

/** Rows already previewed, so a dry run need not ask PostHog again. */
export const dryRunSampleSchema = z.object({
  columns: z.array(z.string()).min(1, { message: 'The sample needs at least one column.' }),
  types: z.array(z.string()).optional(),
  rows: z
    .array(z.array(jsonValueSchema))
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
  limit: z
    .number({ error: 'limit must be a number of rows.' })
    .int({ message: 'limit must be a whole number of rows.' })
    .min(1, { message: 'limit must be at least 1 row.' })
    .max(apiLimits.previewMaxRows, { message: `limit must be at most ${apiLimits.previewMaxRows} rows.` })
    .default(apiLimits.previewDefaultRows),
})
/** `POST /dry-run` body. */
export type DryRunRequest = z.input<typeof dryRunRequestSchema>

/** A record the sync would write, with the sample row it came from. */
export const apiDryRunRecordSchema = z.object({
  row: z.number().int().nonnegative(),
  record: z.record(z.string(), jsonValueSchema),
})
/** A record the sync would write. */
export type ApiDryRunRecord = z.infer<typeof apiDryRunRecordSchema>

/** How well the account resolver matched the sample. */
export const apiResolverMatchSchema = z.object({
  resolver: z.string(),
  /** Distinct account values looked up. */
  total: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  unmatched: z.number().int().nonnegative(),
  ambiguous: z.number().int().nonnegative(),
  /** `matched / total` (0 when `total` is 0). */
  matchRate: z.number().min(0).max(1),
})
/** How well the account resolver matched the sample. */
export type ApiResolverMatch = z.infer<typeof apiResolverMatchSchema>

/** `POST /dry-run` response. */
export const dryRunResponseSchema = z.object({
  rowsRead: z.number().int().nonnegative(),
  records: z.array(apiDryRunRecordSchema),
  rejects: z.array(apiRejectedRowSchema),
  resolver: apiResolverMatchSchema,
  /** The HogQL sent when the server previewed the query itself (`null` when a sample was given). */
  hogql: z.string().nullable(),
})
/** `POST /dry-run` response. */
export type DryRunResponse = z.infer<typeof dryRunResponseSchema>
