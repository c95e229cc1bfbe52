import { ApiError, ApiErrorCode, type ApiIssue, type ConnectionView } from '../../../api/index'
import type { PostHogConnection } from '../../../config/index'
import { findHostGuardError } from '../../guard/HostGuardError'
import type { StoredConnection } from '../../ports/ConnectionStore'
import { keyHint } from '../../secrets/keyHint'
import { type OperationHandlers, POSTHOG_KEY_SECRET, type RouteContext } from '../RouteContext'
import { fromHostGuardError, fromPostHogError } from '../toApiError'

const toView = (stored: StoredConnection): ConnectionView => ({
  apiHost: stored.apiHost,
  projectId: stored.projectId,
  keyHint: stored.keyHint,
  updatedAt: stored.updatedAt,
})

interface Candidate {
  apiHost?: string | undefined
  projectId?: number | undefined
  personalApiKey?: string | undefined
}

/**
 * Completes a connection from the request and the saved one. The saved key is only reused for the saved host:
 * sending it to a host the user just typed would let anyone with access to the settings page carry the tenant's
 * key to a server of their choosing.
 */
async function completeConnection(
  context: RouteContext,
  input: Candidate,
): Promise<{ connection: PostHogConnection; keyChanged: boolean }> {
  const saved = await context.connections.get(context.tenantId)
  const apiHost = input.apiHost ?? saved?.apiHost
  const projectId = input.projectId ?? saved?.projectId
  const issues: ApiIssue[] = []
  if (apiHost === undefined)
    issues.push({ path: 'apiHost', message: 'Enter the PostHog API host; no connection is saved.' })
  if (projectId === undefined)
    issues.push({ path: 'projectId', message: 'Enter the PostHog project id; no connection is saved.' })
  let personalApiKey = input.personalApiKey
  if (personalApiKey === undefined) {
    if (!saved) {
      issues.push({ path: 'personalApiKey', message: 'Enter the personal API key; no connection is saved.' })
    } else if (apiHost !== saved.apiHost) {
      issues.push({
        path: 'personalApiKey',
        message: `Enter the personal API key again to use it with ${apiHost}; the saved key is only sent to ${saved.apiHost}.`,
      })
    } else {
      const stored = await context.secrets.get(context.tenantId, POSTHOG_KEY_SECRET)
      if (stored === null) {
        issues.push({ path: 'personalApiKey', message: 'The saved key is gone from the secret store; enter it again.' })
      }
      personalApiKey = stored ?? undefined
    }
  }
  if (issues.length > 0 || apiHost === undefined || projectId === undefined || personalApiKey === undefined) {
    throw new ApiError(ApiErrorCode.InvalidRequest, issues.map((issue) => issue.message).join(' '), {
      status: 400,
      issues,
    })
  }
  return { connection: { apiHost, projectId, personalApiKey }, keyChanged: input.personalApiKey !== undefined }
}

/** Runs the API-host guard before any request, so refusals come back at once with their code (no retries). */
async function checkHost(context: RouteContext, apiHost: string): Promise<void> {
  try {
    await context.guard.check(apiHost)
  } catch (error) {
    const guard = findHostGuardError(error)
    throw guard ? fromHostGuardError(guard) : error
  }
}

/** Checks the host, then asks PostHog; throws the mapped error when the connection is not usable. */
async function verify(context: RouteContext, connection: PostHogConnection) {
  await checkHost(context, connection.apiHost)
  const started = Date.now()
  const result = await context.createClient(connection).testConnection({ signal: context.signal })
  if (result.status === 'failed' && result.error) throw fromPostHogError(result.error)
  return { result, elapsedMs: Date.now() - started }
}

/** `GET/PUT/DELETE /connection`, `POST /connection/test`. */
export const connectionRoutes: Pick<
  OperationHandlers,
  'getConnection' | 'testConnection' | 'saveConnection' | 'deleteConnection'
> = {
  async getConnection(context) {
    const stored = await context.connections.get(context.tenantId)
    return { connection: stored ? toView(stored) : null }
  },

  async testConnection(context, { body }) {
    const { connection } = await completeConnection(context, body)
    const { result, elapsedMs } = await verify(context, connection)
    return {
      apiHost: connection.apiHost,
      projectId: connection.projectId,
      project: result.project
        ? { id: result.project.id, name: result.project.name, timeZone: result.project.timezone }
        : null,
      keyScopes: result.keyScopes,
      scopes: { ...result.scopes },
      elapsedMs,
    }
  },

  async saveConnection(context, { body }) {
    const { connection, keyChanged } = await completeConnection(context, body)
    if (body.verify) await verify(context, connection)
    else await checkHost(context, connection.apiHost)
    const saved = await context.connections.get(context.tenantId)
    if (keyChanged) await context.secrets.put(context.tenantId, POSTHOG_KEY_SECRET, connection.personalApiKey)
    const stored: StoredConnection = {
      apiHost: connection.apiHost,
      projectId: connection.projectId,
      keyHint: keyChanged || !saved ? keyHint(connection.personalApiKey) : saved.keyHint,
      updatedAt: context.now().toISOString(),
    }
    await context.connections.put(context.tenantId, stored)
    context.logger.info('posthog connection saved', {
      tenantId: context.tenantId,
      apiHost: stored.apiHost,
      projectId: stored.projectId,
      keyChanged,
    })
    return { connection: toView(stored) }
  },

  async deleteConnection(context) {
    await context.connections.delete(context.tenantId)
    await context.secrets.delete(context.tenantId, POSTHOG_KEY_SECRET)
    context.logger.info('posthog connection deleted', { tenantId: context.tenantId })
    return undefined
  },
}

/** The tenant's saved connection with its key, or a 404 when there is none. */
export async function savedConnection(context: RouteContext): Promise<PostHogConnection> {
  const saved = await context.connections.get(context.tenantId)
  if (!saved) {
    throw new ApiError(ApiErrorCode.ConnectionNotFound, 'Connect PostHog first: no connection is saved.', {
      status: 404,
    })
  }
  const personalApiKey = await context.secrets.get(context.tenantId, POSTHOG_KEY_SECRET)
  if (personalApiKey === null) {
    throw new ApiError(
      ApiErrorCode.ConnectionNotFound,
      'The saved PostHog key is missing from the secret store; save the connection again with the key.',
      { status: 404 },
    )
  }
  await checkHost(context, saved.apiHost)
  return { apiHost: saved.apiHost, projectId: saved.projectId, personalApiKey }
}
