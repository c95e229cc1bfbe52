import * as z from 'zod'

// The sync worker's imported-data API (apps/sync-worker/src/server/importedDataRoutes.ts), parsed once at the
// boundary: the pages below never re-check what comes back.

const countsSchema = z.object({
  usage: z.number(),
  metrics: z.number(),
  fields: z.number(),
  objects: z.number(),
})

/** A directory account with what the syncs imported for it. */
export const accountSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  crmIds: z.array(z.string()),
  orgIds: z.array(z.string()),
  counts: countsSchema,
})
export type AccountSummary = z.infer<typeof accountSummarySchema>

export const metricSummarySchema = z.object({
  metric: z.string(),
  points: z.number(),
  firstMs: z.number(),
  lastMs: z.number(),
})
export type MetricSummary = z.infer<typeof metricSummarySchema>

export const accountDetailSchema = accountSummarySchema.extend({ metrics: z.array(metricSummarySchema) })
export type AccountDetail = z.infer<typeof accountDetailSchema>

/** The run that wrote rows, as the worker's run history tells it. */
export const writerRunSchema = z.object({
  id: z.string(),
  queryId: z.string(),
  queryName: z.string(),
  type: z.string(),
  status: z.string(),
  trigger: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})
export type WriterRun = z.infer<typeof writerRunSchema>

const runsSchema = z.record(z.string(), writerRunSchema)
const cursorSchema = z.string().nullable()

export const totalsSchema = z.object({
  totals: z.object({
    accounts: z.number(),
    accountsWithData: z.number(),
    usage: z.number(),
    fields: z.number(),
    objects: z.number(),
  }),
})
export type ImportedTotals = z.infer<typeof totalsSchema>['totals']

export const accountPageSchema = z.object({ accounts: z.array(accountSummarySchema), nextCursor: cursorSchema })
export type AccountPage = z.infer<typeof accountPageSchema>

export const accountResponseSchema = z.object({ account: accountDetailSchema })

export const usagePointSchema = z.object({
  metric: z.string(),
  timestamp: z.string(),
  timestampMs: z.number(),
  value: z.number(),
  queryId: z.string(),
  runId: z.string(),
})
export type UsagePoint = z.infer<typeof usagePointSchema>
export const usagePageSchema = z.object({
  usage: z.array(usagePointSchema),
  runs: runsSchema,
  nextCursor: cursorSchema,
})
export type UsagePage = z.infer<typeof usagePageSchema>

export const fieldValueSchema = z.object({
  field: z.string(),
  value: z.unknown(),
  queryId: z.string(),
  runId: z.string(),
})
export type FieldValue = z.infer<typeof fieldValueSchema>
export const fieldPageSchema = z.object({
  fields: z.array(fieldValueSchema),
  runs: runsSchema,
  nextCursor: cursorSchema,
})
export type FieldPage = z.infer<typeof fieldPageSchema>

export const objectRecordSchema = z.object({
  objectType: z.string(),
  key: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  queryId: z.string(),
  runId: z.string(),
})
export type ObjectRecord = z.infer<typeof objectRecordSchema>
export const objectPageSchema = z.object({
  objects: z.array(objectRecordSchema),
  runs: runsSchema,
  nextCursor: cursorSchema,
})
export type ObjectPage = z.infer<typeof objectPageSchema>

/** The error body of every route. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
