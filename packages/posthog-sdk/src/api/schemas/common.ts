import * as z from 'zod'
import { MAX_HOGQL_LENGTH } from '../../config/index'

/** Limits the protocol enforces on every host; a handler may only tighten them. */
export const apiLimits = {
  /** Longest HogQL text accepted by validate and preview, in characters (the saved-query limit); a handler may lower it. */
  hogqlMaxLength: MAX_HOGQL_LENGTH,
  /** Rows a preview returns when the request names no `limit`. */
  previewDefaultRows: 100,
  /** Most rows a preview (or a dry-run sample) may return. */
  previewMaxRows: 1_000,
  /** Runs per page when listing runs without `limit`. */
  runsDefaultPageSize: 20,
  /** Most runs per page. */
  runsMaxPageSize: 100,
  /** Rejected rows per page when paging a run's rejects without `limit`. */
  rejectsDefaultPageSize: 100,
  /** Most rejected rows per page. */
  rejectsMaxPageSize: 500,
} as const

/** Any JSON value: what a PostHog result cell or a mapped record value can be on the wire. */
export type ApiJsonValue = string | number | boolean | null | ApiJsonValue[] | { [key: string]: ApiJsonValue }

/** A {@link ApiJsonValue}. */
export const apiJsonValueSchema: z.ZodType<ApiJsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(apiJsonValueSchema),
    z.record(z.string(), apiJsonValueSchema),
  ]),
)

/** An ISO-8601 timestamp with offset, as every time on the wire is written. */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'Expected an ISO-8601 date-time, e.g. 2026-01-31T12:00:00Z.',
})

/** The id of a saved query or run in a path: 1 to 128 letters, digits, `_`, `-`, `.` or `:`. */
export const resourceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, { message: 'Ids are 1 to 128 letters, digits, "_", "-", "." or ":".' })

/** An opaque paging cursor returned by the server as `nextCursor`. */
export const cursorSchema = z
  .string()
  .min(1)
  .max(512, { message: 'The cursor is too long; pass back nextCursor unchanged.' })

/** A page size in a query string (`?limit=20`), between 1 and `max`. */
export function pageLimitSchema(max: number, fallback: number) {
  return z.coerce
    .number({ error: 'limit must be a whole number.' })
    .int({ message: 'limit must be a whole number.' })
    .min(1, { message: 'limit must be at least 1.' })
    .max(max, { message: `limit must be at most ${max}.` })
    .default(fallback)
}

/** HogQL text: non-empty and at most {@link apiLimits.hogqlMaxLength} characters. */
export const hogqlTextSchema = z
  .string({ error: 'Enter the HogQL query as text.' })
  .refine((text) => text.trim().length > 0, {
    message: 'Enter a HogQL query, e.g. SELECT event, count() FROM events GROUP BY event.',
  })
  .refine((text) => text.length <= apiLimits.hogqlMaxLength, {
    message: `The query is longer than ${apiLimits.hogqlMaxLength.toLocaleString('en-US')} characters; shorten it or move logic into a PostHog view.`,
  })
