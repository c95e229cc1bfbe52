import * as z from 'zod'
import { REJECT_REASONS } from '../mapping/index'
import { jsonValueSchema } from './jsonValue'
import { sampledRejectSchema } from './RunReport'

const countSchema = z.number().int().nonnegative()

/** How the account values of a sample resolved, over distinct values. */
export const matchStatsSchema = z.object({
  resolver: z.string(),
  total: countSchema,
  matched: countSchema,
  unmatched: countSchema,
  ambiguous: countSchema,
  matchRate: z.number().min(0).max(1),
  unmatchedExamples: z.array(z.object({ value: jsonValueSchema, reason: z.string() })),
  ambiguousExamples: z.array(
    z.object({
      value: jsonValueSchema,
      reason: z.string(),
      candidates: z.array(z.object({ accountId: z.string(), name: z.string(), score: z.number() })),
    }),
  ),
})

/** The result of a dry run over a preview sample: what would be written, what would be rejected and why. */
export const dryRunReportSchema = z.object({
  queryId: z.string(),
  /** Rows in the sample. */
  rowsRead: countSchema,
  /** Records that would be written, in row order, with the 1-based sample row they came from. */
  records: z.array(z.object({ row: z.number().int().positive(), record: z.record(z.string(), jsonValueSchema) })),
  /** Every row (or cell) that would be rejected, in row order, with the row's data. */
  rejects: z.array(sampledRejectSchema),
  counts: z.object({
    wouldWrite: countSchema,
    rejected: countSchema,
    byReason: z.partialRecord(z.enum(REJECT_REASONS), countSchema),
  }),
  /** Resolver match rate over the sample's distinct account values, with unmatched and ambiguous examples. */
  resolver: matchStatsSchema.nullable(),
  /** Set when the mapping cannot apply to the sample at all (e.g. `missing_columns`, `catalog_mismatch`). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
/** The result of a dry run over a preview sample. */
export type DryRunReport = z.infer<typeof dryRunReportSchema>
