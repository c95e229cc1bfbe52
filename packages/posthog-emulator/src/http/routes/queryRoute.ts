import { randomUUID } from 'node:crypto'
import * as z from 'zod'
import { authenticate, authorize } from '../../auth/authenticate'
import { ORGANIZATION } from '../../emulator/projects'
import { hogqlFiltersSchema } from '../../hogql/filtersExpr'
import { type HogQLError, isHogQLError } from '../../hogql/HogQLError'
import { databaseSchema } from '../../query/databaseSchema'
import { hogqlMetadata } from '../../query/hogqlMetadata'
import { runHogQLQuery } from '../../query/runHogQLQuery'
import { ApiError, concurrencyLimited, notFound, throttled, validationError } from '../ApiError'
import type { EmulatorContext } from '../EmulatorContext'
import { jsonResponse } from '../jsonResponse'
import { readJsonBody } from '../readJsonBody'
import { resolveProject } from '../resolveProject'
import { propertyNamesOf } from './propertyNames'

const requestSchema = z.looseObject({
  query: z.looseObject({ kind: z.string() }),
  client_query_id: z.string().min(1).optional(),
  refresh: z.union([z.string(), z.boolean()]).optional(),
  async: z.boolean().optional(),
  name: z.string().max(128).optional(),
})

const hogqlQuerySchema = z.looseObject({
  kind: z.literal('HogQLQuery'),
  query: z.string(),
  values: z.record(z.string(), z.unknown()).optional(),
  modifiers: z.record(z.string(), z.unknown()).optional(),
  filters: hogqlFiltersSchema.optional(),
})

const metadataSchema = z.looseObject({
  kind: z.literal('HogQLMetadata'),
  language: z.enum(['hogQL', 'hogQLExpr', 'hog', 'hogJson', 'hogTemplate', 'liquid']).default('hogQL'),
  query: z.string(),
  values: z.record(z.string(), z.unknown()).optional(),
})

/** `refresh` values that run in the background. SRC: `posthog/hogql_queries/query_runner.py` (ExecutionMode). */
const ASYNC_MODES = new Set(['async', 'force_async', 'lazy_async', 'async_except_on_cache_miss'])

function invalidInput(error: z.ZodError): ApiError {
  const issue = error.issues[0]
  const path = issue?.path.join('.') ?? ''
  return validationError('invalid_input', `${path === '' ? '' : `${path}: `}${issue?.message ?? 'Invalid request'}`)
}

function hogqlToApiError(error: HogQLError): ApiError {
  return validationError(error.code, error.message)
}

/** Auth, project, scope and throttles shared by every `/query/` route; returns the project. */
async function guard(context: EmulatorContext, request: Request, url: URL, projectId: string, body: unknown) {
  const credential = authenticate({
    authorization: request.headers.get('authorization'),
    body,
    query: url.searchParams,
    siteUrl: context.siteUrl,
  })
  const project = resolveProject(projectId)
  authorize(credential.key, { scopeObject: 'query', teamId: project.id })
  if (credential.key.kind === 'personal') {
    const wait = context.queryLimiter.check(credential.key.value)
    if (wait !== null) throw throttled(wait)
  }
  return { project, credential }
}

/** `POST /api/projects/:id/query/` and `/query/:Kind/`. */
export async function postQuery(
  context: EmulatorContext,
  request: Request,
  url: URL,
  projectId: string,
  pathKind: string | null,
  delayMs: number,
): Promise<Response> {
  const body = await readJsonBody(request)
  const { project, credential } = await guard(context, request, url, projectId, body)
  const parsed = requestSchema.safeParse(body)
  if (!parsed.success) throw invalidInput(parsed.error)
  const { query } = parsed.data
  if (pathKind !== null && pathKind !== query.kind) {
    throw validationError(
      'invalid_input',
      `Query kind mismatch: path kind "${pathKind}" does not match body kind "${query.kind}".`,
    )
  }
  switch (query.kind) {
    case 'HogQLMetadata': {
      const node = metadataSchema.safeParse(query)
      if (!node.success) throw invalidInput(node.error)
      if (node.data.language !== 'hogQL' && node.data.language !== 'hogQLExpr') {
        throw validationError(
          'invalid_input',
          `The emulator validates only hogQL and hogQLExpr, not ${node.data.language}.`,
        )
      }
      const language = node.data.language
      return jsonResponse(
        200,
        hogqlMetadata(project, {
          query: node.data.query,
          language,
          ...(node.data.values ? { values: node.data.values } : {}),
        }),
      )
    }
    case 'DatabaseSchemaQuery': {
      const names = await propertyNamesOf(context, project.id)
      return jsonResponse(200, databaseSchema(names))
    }
    case 'HogQLQuery':
      break
    default:
      throw validationError(
        'invalid_input',
        `The emulator answers HogQLQuery, HogQLMetadata and DatabaseSchemaQuery, not ${query.kind}.`,
      )
  }
  const node = hogqlQuerySchema.safeParse(query)
  if (!node.success) throw invalidInput(node.error)
  const rejectOffset = credential.key.kind === 'personal'
  const refresh = parsed.data.refresh
  const isAsync = parsed.data.async === true || (typeof refresh === 'string' && ASYNC_MODES.has(refresh))
  const env = {
    session: context.session,
    database: context.database,
    clock: context.clock,
    maxExecutionTime: context.maxExecutionTime,
  }
  if (isAsync) {
    const id = parsed.data.client_query_id ?? randomUUID().replaceAll('-', '')
    const status = context.asyncQueries.start(id, project.id, async () => {
      try {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
        return { ok: true, response: await runHogQLQuery(env, project, node.data, { rejectOffset }) }
      } catch (error) {
        if (isHogQLError(error)) return { ok: false, userMessage: error.message }
        if (error instanceof ApiError && error.status === 400) return { ok: false, userMessage: error.detail }
        return { ok: false, userMessage: null }
      }
    })
    return jsonResponse(202, { query_status: status })
  }
  const release = await context.concurrency.acquire(`api:query:per-org:${ORGANIZATION.id}`, request.signal)
  if (release === null) throw concurrencyLimited()
  try {
    if (delayMs > 0) await sleep(delayMs, request.signal)
    const response = await runHogQLQuery(env, project, node.data, { rejectOffset })
    return jsonResponse(200, response)
  } catch (error) {
    if (isHogQLError(error)) throw hogqlToApiError(error)
    throw error
  } finally {
    release()
  }
}

/** `GET /api/projects/:id/query/:query_id/`: 202 running, 200 done, 400 user error, 500 other failure, 404 expired. */
export async function getQueryStatus(
  context: EmulatorContext,
  request: Request,
  url: URL,
  projectId: string,
  queryId: string,
): Promise<Response> {
  const { project } = await guard(context, request, url, projectId, {})
  const found = context.asyncQueries.get(project.id, queryId)
  if (found === null) throw notFound(`Query ${queryId} not found for team ${project.id}`)
  const status = !found.complete ? 202 : !found.error ? 200 : found.errorMessage !== null ? 400 : 500
  return jsonResponse(status, { query_status: found.status })
}

/** `DELETE /api/projects/:id/query/:query_id/[?dequeue_only=true]`: cancels; 200 with PostHog's message. */
export async function deleteQuery(
  context: EmulatorContext,
  request: Request,
  url: URL,
  projectId: string,
  queryId: string,
): Promise<Response> {
  const { project } = await guard(context, request, url, projectId, {})
  const message = context.asyncQueries.cancel(project.id, queryId, url.searchParams.get('dequeue_only') === 'true')
  return jsonResponse(200, { message })
}

/** `POST /api/projects/:id/query/check_auth_for_async/`. */
export async function checkAuthForAsync(
  context: EmulatorContext,
  request: Request,
  url: URL,
  projectId: string,
): Promise<Response> {
  const body = await readJsonBody(request)
  await guard(context, request, url, projectId, body)
  return jsonResponse(200, { user: 'ok' })
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
