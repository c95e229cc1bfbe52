import * as z from 'zod'
import { queryDefinitionSchema } from '../../config/index'
import { isoDateTimeSchema } from './common'
import { apiRunSchema } from './runs'

/** A saved query with its bookkeeping. */
export const savedQuerySchema = z.object({
  definition: queryDefinitionSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** The latest run, when there was one. */
  lastRun: apiRunSchema.nullable(),
})
/** A saved query with its bookkeeping. */
export type SavedQuery = z.infer<typeof savedQuerySchema>

/** `GET /queries` response, by name. */
export const listQueriesResponseSchema = z.object({ queries: z.array(savedQuerySchema) })
/** `GET /queries` response. */
export type ListQueriesResponse = z.infer<typeof listQueriesResponseSchema>

/** `GET /queries/:queryId`, `PUT /queries/:queryId` and `PUT /queries/:queryId/enabled` response. */
export const savedQueryResponseSchema = z.object({ query: savedQuerySchema })
/** A response carrying one saved query. */
export type SavedQueryResponse = z.infer<typeof savedQueryResponseSchema>

/**
 * `PUT /queries/:queryId`: create or replace a saved query. `definition.id` must equal the path's id; the mapping
 * is checked against the host's catalog (fields, object types, attributes, resolvers).
 */
export const saveQueryRequestSchema = z.object({ definition: queryDefinitionSchema })
/** `PUT /queries/:queryId` body. */
export type SaveQueryRequest = z.input<typeof saveQueryRequestSchema>

/** `PUT /queries/:queryId/enabled`: turn scheduled runs on or off. */
export const setQueryEnabledRequestSchema = z.object({
  enabled: z.boolean({ error: 'enabled must be true or false.' }),
})
/** `PUT /queries/:queryId/enabled` body. */
export type SetQueryEnabledRequest = z.input<typeof setQueryEnabledRequestSchema>

/** `POST /queries/:queryId/run` response (202): the run was handed to the scheduler. */
export const runQueryResponseSchema = z.object({
  /** The run's id when the scheduler assigns one up front (then `GET /runs/:runId` follows it). */
  runId: z.string().nullable(),
  queuedAt: isoDateTimeSchema,
})
/** `POST /queries/:queryId/run` response. */
export type RunQueryResponse = z.infer<typeof runQueryResponseSchema>
