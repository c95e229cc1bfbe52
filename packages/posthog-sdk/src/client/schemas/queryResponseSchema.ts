import * as z from 'zod'

// A row is an array of values in column order. The rows themselves are checked by the client in one pass with its
// other row checks (scanRows): a per-row schema would spend more time than JSON.parse on a 50,000-row result.
const rowsSchema = z.custom<unknown[][]>((value) => Array.isArray(value), 'expected an array of rows')

// HogQLQuery answers `[name, type]` pairs (the ClickHouse driver's with_column_types output); other kinds, and
// some versions, answer plain type strings. Both are accepted.
const typeEntrySchema = z.union([z.string(), z.tuple([z.string(), z.string()]).rest(z.unknown())])

const timingSchema = z.looseObject({ k: z.string(), t: z.number() })

/** `HogQLQueryResponse` as PostHog answers it, lenient: unknown keys ignored, nulls accepted where PostHog sends them. */
export const queryResponseSchema = z.looseObject({
  results: rowsSchema,
  columns: z.array(z.string()).nullish(),
  types: z.array(typeEntrySchema).nullish(),
  hogql: z.string().nullish(),
  clickhouse: z.string().nullish(),
  query: z.string().nullish(),
  timings: z.array(timingSchema).nullish(),
  hasMore: z.boolean().nullish(),
  limit: z.number().nullish(),
  offset: z.number().nullish(),
  error: z.unknown().optional(),
  is_cached: z.boolean().nullish(),
  last_refresh: z.string().nullish(),
  timezone: z.string().nullish(),
  cache_key: z.string().nullish(),
})

/** A parsed `HogQLQueryResponse`. */
export type QueryResponseBody = z.infer<typeof queryResponseSchema>

/** One entry of `types`, either form. */
export type TypeEntry = z.infer<typeof typeEntrySchema>

/** `QueryStatus` of the async flow (posthog/schema.py), lenient. */
export const queryStatusSchema = z.looseObject({
  id: z.string(),
  complete: z.boolean().nullish(),
  error: z.boolean().nullish(),
  error_message: z.string().nullish(),
  results: z.unknown().optional(),
  query_async: z.boolean().nullish(),
  expiration_time: z.string().nullish(),
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
})

/** A parsed `QueryStatus`. */
export type QueryStatusBody = z.infer<typeof queryStatusSchema>

/** An async answer: `{ query_status: {...} }` (202 while running, 200 when done, 400/500 when failed). */
export const asyncResponseSchema = z.looseObject({ query_status: queryStatusSchema })
