import * as z from 'zod'
import { apiHostSchema, personalApiKeySchema, projectIdSchema } from '../../config/index'
import { isoDateTimeSchema } from './common'

/**
 * The saved connection as the browser sees it: never the key, only a hint of it (`phx_…a1b2`).
 */
export const connectionViewSchema = z.object({
  /** Normalised origin, e.g. `https://us.posthog.com`. */
  apiHost: z.string(),
  projectId: z.number().int().positive(),
  /** The key's prefix and last four characters, e.g. `phx_…a1b2`. */
  keyHint: z.string(),
  updatedAt: isoDateTimeSchema,
})
/** The saved connection as the browser sees it. */
export type ConnectionView = z.infer<typeof connectionViewSchema>

/** `GET /connection`: the tenant's connection, or `null` when none is saved. */
export const getConnectionResponseSchema = z.object({ connection: connectionViewSchema.nullable() })
/** `GET /connection` response. */
export type GetConnectionResponse = z.infer<typeof getConnectionResponseSchema>

/**
 * `POST /connection/test`: every field is optional and falls back to the saved connection, so a form can re-test
 * a changed host without the user typing the key again. With an empty body the saved connection is tested.
 */
export const testConnectionRequestSchema = z.object({
  apiHost: apiHostSchema.optional(),
  projectId: projectIdSchema.optional(),
  personalApiKey: personalApiKeySchema.optional(),
})
/** `POST /connection/test` body (before normalisation). */
export type TestConnectionRequest = z.input<typeof testConnectionRequestSchema>

/** What is known about one scope the kit uses: seen on the key, refused by PostHog, or not knowable with this key. */
export const scopeStatusSchema = z.enum(['granted', 'missing', 'unknown'])
/** What is known about one scope. */
export type ScopeStatus = z.infer<typeof scopeStatusSchema>

/** `POST /connection/test` response: the project the key reached and what the key may do. */
export const testConnectionResponseSchema = z.object({
  apiHost: z.string(),
  projectId: z.number(),
  /** The project, when the key may read it (`project:read`); `null` for a query-only key. */
  project: z
    .object({
      id: z.number(),
      name: z.string(),
      /** The project's IANA time zone (HogQL converts timestamps to it), when PostHog said. */
      timeZone: z.string().nullable(),
    })
    .nullable(),
  /** Scopes listed on the key (`['*']` means all) when the key may describe itself, else `null`. */
  keyScopes: z.array(z.string()).nullable(),
  /** What is known about each scope the kit uses: `query:read` (required), `project:read`, `personal_api_key:read`. */
  scopes: z.record(z.string(), scopeStatusSchema),
  /** Round trip to PostHog in milliseconds. */
  elapsedMs: z.number().nonnegative(),
})
/** `POST /connection/test` response. */
export type TestConnectionResponse = z.infer<typeof testConnectionResponseSchema>

/**
 * `PUT /connection`: save (create or replace) the tenant's connection. `personalApiKey` may be left out to keep the
 * saved key (it is required the first time). With `verify` (default `true`) the connection is tested first and
 * nothing is saved when the test fails.
 */
export const saveConnectionRequestSchema = z.object({
  apiHost: apiHostSchema,
  projectId: projectIdSchema,
  personalApiKey: personalApiKeySchema.optional(),
  verify: z.boolean({ error: 'verify must be true or false.' }).default(true),
})
/** `PUT /connection` body (before normalisation). */
export type SaveConnectionRequest = z.input<typeof saveConnectionRequestSchema>

/** `PUT /connection` response. */
export const saveConnectionResponseSchema = z.object({ connection: connectionViewSchema })
/** `PUT /connection` response. */
export type SaveConnectionResponse = z.infer<typeof saveConnectionResponseSchema>
