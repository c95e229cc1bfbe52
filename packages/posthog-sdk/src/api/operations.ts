import * as z from 'zod'
import { getCatalogResponseSchema } from './schemas/catalog'
import { resourceIdSchema } from './schemas/common'
import {
  getConnectionResponseSchema,
  saveConnectionRequestSchema,
  saveConnectionResponseSchema,
  testConnectionRequestSchema,
  testConnectionResponseSchema,
} from './schemas/connection'
import { dryRunRequestSchema, dryRunResponseSchema } from './schemas/dryRun'
import {
  getSchemaResponseSchema,
  previewRequestSchema,
  previewResponseSchema,
  validateHogQLRequestSchema,
  validateHogQLResponseSchema,
} from './schemas/hogql'
import {
  listQueriesResponseSchema,
  runQueryResponseSchema,
  savedQueryResponseSchema,
  saveQueryRequestSchema,
  setQueryEnabledRequestSchema,
} from './schemas/queries'
import {
  getRunResponseSchema,
  listRunRejectsQuerySchema,
  listRunRejectsResponseSchema,
  listRunsQuerySchema,
  listRunsResponseSchema,
} from './schemas/runs'

/** HTTP methods the protocol uses. */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * How one operation travels: method, path under the mount point (`:name` segments are path parameters), the schemas
 * of its path parameters, query string and body, and what the success response is (`json` parsed with `response`,
 * `csv` text, or `none` for 204).
 */
export interface ApiOperationSpec {
  method: ApiMethod
  path: `/${string}`
  status: 200 | 202 | 204
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  response: { type: 'json'; schema: z.ZodType } | { type: 'csv' } | { type: 'none' }
}

const queryIdParams = z.object({ queryId: resourceIdSchema })
const runIdParams = z.object({ runId: resourceIdSchema })
const json = <S extends z.ZodType>(schema: S) => ({ type: 'json' as const, schema })

/**
 * The route table: every operation between the UI and the host backend. The handler dispatches on it and the api
 * client calls through it, so the two cannot drift apart.
 */
export const apiOperations = {
  /** The tenant's saved connection (key hint only), or `null`. */
  getConnection: { method: 'GET', path: '/connection', status: 200, response: json(getConnectionResponseSchema) },
  /** Test a connection (the body's fields, falling back to the saved ones) against PostHog. */
  testConnection: {
    method: 'POST',
    path: '/connection/test',
    status: 200,
    body: testConnectionRequestSchema,
    response: json(testConnectionResponseSchema),
  },
  /** Save the tenant's connection; the key is sealed and only its hint comes back. */
  saveConnection: {
    method: 'PUT',
    path: '/connection',
    status: 200,
    body: saveConnectionRequestSchema,
    response: json(saveConnectionResponseSchema),
  },
  /** Forget the tenant's connection and its key. */
  deleteConnection: { method: 'DELETE', path: '/connection', status: 204, response: { type: 'none' } },
  /** The project's tables and fields, for the editor. */
  getSchema: { method: 'GET', path: '/schema', status: 200, response: json(getSchemaResponseSchema) },
  /** Check HogQL without running it; diagnostics carry positions. */
  validateHogQL: {
    method: 'POST',
    path: '/hogql/validate',
    status: 200,
    body: validateHogQLRequestSchema,
    response: json(validateHogQLResponseSchema),
  },
  /** Run HogQL and return the first rows. */
  preview: {
    method: 'POST',
    path: '/preview',
    status: 200,
    body: previewRequestSchema,
    response: json(previewResponseSchema),
  },
  /** Map and resolve a definition against a sample without writing. */
  dryRun: {
    method: 'POST',
    path: '/dry-run',
    status: 200,
    body: dryRunRequestSchema,
    response: json(dryRunResponseSchema),
  },
  /** The tenant's saved queries. */
  listQueries: { method: 'GET', path: '/queries', status: 200, response: json(listQueriesResponseSchema) },
  /** One saved query. */
  getQuery: {
    method: 'GET',
    path: '/queries/:queryId',
    status: 200,
    params: queryIdParams,
    response: json(savedQueryResponseSchema),
  },
  /** Create or replace a saved query (the scheduler is told). */
  saveQuery: {
    method: 'PUT',
    path: '/queries/:queryId',
    status: 200,
    params: queryIdParams,
    body: saveQueryRequestSchema,
    response: json(savedQueryResponseSchema),
  },
  /** Delete a saved query (the scheduler is told; its runs stay in the history). */
  deleteQuery: {
    method: 'DELETE',
    path: '/queries/:queryId',
    status: 204,
    params: queryIdParams,
    response: { type: 'none' },
  },
  /** Turn a saved query's schedule on or off (the scheduler is told). */
  setQueryEnabled: {
    method: 'PUT',
    path: '/queries/:queryId/enabled',
    status: 200,
    params: queryIdParams,
    body: setQueryEnabledRequestSchema,
    response: json(savedQueryResponseSchema),
  },
  /** Ask the scheduler to run a saved query now. */
  runQuery: {
    method: 'POST',
    path: '/queries/:queryId/run',
    status: 202,
    params: queryIdParams,
    response: json(runQueryResponseSchema),
  },
  /** The tenant's runs, newest first, cursor-paged. */
  listRuns: {
    method: 'GET',
    path: '/runs',
    status: 200,
    query: listRunsQuerySchema,
    response: json(listRunsResponseSchema),
  },
  /** One run's report. */
  getRun: {
    method: 'GET',
    path: '/runs/:runId',
    status: 200,
    params: runIdParams,
    response: json(getRunResponseSchema),
  },
  /** One run's rejected rows, cursor-paged. */
  listRunRejects: {
    method: 'GET',
    path: '/runs/:runId/rejects',
    status: 200,
    params: runIdParams,
    query: listRunRejectsQuerySchema,
    response: json(listRunRejectsResponseSchema),
  },
  /** One run's rejected rows as CSV (`text/csv`, every row). */
  getRunRejectsCsv: {
    method: 'GET',
    path: '/runs/:runId/rejects.csv',
    status: 200,
    params: runIdParams,
    response: { type: 'csv' },
  },
  /** What the host can write and which resolvers it supports. */
  getCatalog: { method: 'GET', path: '/catalog', status: 200, response: json(getCatalogResponseSchema) },
} as const satisfies Record<string, ApiOperationSpec>

/** The name of one operation in {@link apiOperations}. */
export type ApiOperationName = keyof typeof apiOperations
