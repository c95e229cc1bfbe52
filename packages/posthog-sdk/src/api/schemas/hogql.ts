import * as z from 'zod'
import { hogqlValuesSchema } from '../../config/index'
import { apiJsonValueSchema, apiLimits, hogqlTextSchema, isoDateTimeSchema } from './common'

/** A field of a PostHog table, for completion in the editor. */
export const schemaFieldSchema = z.object({
  name: z.string(),
  /** PostHog's field type: `integer`, `string`, `datetime`, `json`, `lazy_table`, `field_traverser`, ... */
  type: z.string(),
  /** For joins (`events.person`): the table the field leads to. */
  table: z.string().nullable(),
  /** For joins: the field names reachable through it. */
  fields: z.array(z.string()),
})
/** A field of a PostHog table. */
export type SchemaField = z.infer<typeof schemaFieldSchema>

/** A table the key can query. */
export const schemaTableSchema = z.object({
  name: z.string(),
  /** `posthog`, `data_warehouse`, `view`, ... */
  kind: z.string(),
  fields: z.array(schemaFieldSchema),
})
/** A table the key can query. */
export type SchemaTable = z.infer<typeof schemaTableSchema>

/** `GET /schema`: the project's tables and fields (PostHog's DatabaseSchemaQuery). */
export const getSchemaResponseSchema = z.object({ tables: z.array(schemaTableSchema) })
/** `GET /schema` response. */
export type GetSchemaResponse = z.infer<typeof getSchemaResponseSchema>

/**
 * The `{period_start}`..`{period_end}` window to preview with. When the query uses the placeholders and no window is
 * given, the handler previews the last 24 hours.
 */
export const previewWindowSchema = z
  .object({ start: isoDateTimeSchema, end: isoDateTimeSchema })
  .refine((window) => Date.parse(window.start) < Date.parse(window.end), {
    message: 'The window must start before it ends.',
    path: ['end'],
  })
/** A preview window. */
export type PreviewWindow = z.infer<typeof previewWindowSchema>

/** `POST /hogql/validate`: check HogQL without running it (PostHog's HogQLMetadata). */
export const validateHogQLRequestSchema = z.object({ hogql: hogqlTextSchema })
/** `POST /hogql/validate` body. */
export type ValidateHogQLRequest = z.input<typeof validateHogQLRequestSchema>

/** A diagnostic: 0-based character offsets into the query (`end` exclusive) and an optional replacement. */
export const hogqlNoticeSchema = z.object({
  message: z.string(),
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  /** Replacement text for `[start, end)` that fixes the problem. */
  fix: z.string().nullable(),
})
/** A diagnostic with positions. */
export type HogQLNotice = z.infer<typeof hogqlNoticeSchema>

/** `POST /hogql/validate` response. */
export const validateHogQLResponseSchema = z.object({
  isValid: z.boolean(),
  errors: z.array(hogqlNoticeSchema),
  warnings: z.array(hogqlNoticeSchema),
  notices: z.array(hogqlNoticeSchema),
})
/** `POST /hogql/validate` response. */
export type ValidateHogQLResponse = z.infer<typeof validateHogQLResponseSchema>

/** How many rows a preview (or a dry run without a sample) reads. @default 100 (max 1,000) */
export const previewLimitSchema = z
  .number({ error: 'limit must be a number of rows.' })
  .int({ message: 'limit must be a whole number of rows.' })
  .min(1, { message: 'limit must be at least 1 row.' })
  .max(apiLimits.previewMaxRows, { message: `limit must be at most ${apiLimits.previewMaxRows} rows.` })
  .default(apiLimits.previewDefaultRows)

/** `POST /preview`: run HogQL and return the first rows. */
export const previewRequestSchema = z.object({
  hogql: hogqlTextSchema,
  /** Placeholder values (`{name}`), as a saved query's `values`. */
  values: hogqlValuesSchema.optional(),
  window: previewWindowSchema.optional(),
  /** Rows to return. @default 100 (max 1,000) */
  limit: previewLimitSchema,
})
/** `POST /preview` body. */
export type PreviewRequest = z.input<typeof previewRequestSchema>

/**
 * Why a preview holds fewer rows than the query would return. `row_cap`: the query returned more than the preview's
 * `limit`. (The handler gives every SELECT an explicit LIMIT, so PostHog's implicit LIMIT 100 never cuts a preview.)
 */
export const PreviewTruncation = { RowCap: 'row_cap' } as const
/** Why a preview was truncated. */
export type PreviewTruncation = (typeof PreviewTruncation)[keyof typeof PreviewTruncation]

/** `POST /preview` response. */
export const previewResponseSchema = z.object({
  columns: z.array(z.string()),
  /** ClickHouse type names per column, e.g. `String`, `Nullable(Float64)`, `DateTime64(6, 'UTC')`. */
  types: z.array(z.string()),
  rows: z.array(z.array(apiJsonValueSchema)),
  /** Time PostHog took, in milliseconds. */
  elapsedMs: z.number().nonnegative(),
  truncated: z.boolean(),
  truncatedReason: z.enum([PreviewTruncation.RowCap]).nullable(),
  /** The HogQL that was sent to PostHog. */
  hogql: z.string(),
  /** The window `{period_start}`/`{period_end}` were filled with, when the query uses them. */
  window: z.object({ start: isoDateTimeSchema, end: isoDateTimeSchema }).nullable(),
  /** The row cap that applied. */
  limit: z.number().int().positive(),
})
/** `POST /preview` response. */
export type PreviewResponse = z.infer<typeof previewResponseSchema>
