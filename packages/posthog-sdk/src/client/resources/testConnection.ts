import type { PostHogClientError } from '../errors/PostHogClientError'
import { personalApiKeySchema, projectSchema } from '../schemas/projectSchema'
import { schemaError } from '../schemas/schemaError'
import { isFailure } from '../transport/Transport'
import type { ResourceContext } from './ResourceContext'

/** Whether the key holds a scope: seen in the key's own description, proven by a call, refused, or not knowable. */
export type ScopeStatus = 'granted' | 'missing' | 'unknown'

/** The scopes the kit relies on. */
export const CHECKED_SCOPES = ['query:read', 'project:read', 'personal_api_key:read'] as const

/** One of {@link CHECKED_SCOPES}. */
export type CheckedScope = (typeof CHECKED_SCOPES)[number]

/** The project as PostHog describes it. */
export interface ConnectionProject {
  id: number
  name: string
  /** IANA time zone of the project (HogQL converts timestamps to it), when PostHog said. */
  timezone: string | null
}

/** The result of {@link PostHogClient.testConnection}. Never thrown: failures are described in `error`. */
export interface ConnectionTestResult {
  /** `connected`: the key can run HogQL in this project. `failed`: see `error` for what to fix. */
  status: 'connected' | 'failed'
  /** The project, when the key has `project:read` (else `null`: the name and time zone are unknown). */
  project: ConnectionProject | null
  /** Scopes listed on the key (`['*']` means all), when the key may describe itself; else `null`. */
  keyScopes: string[] | null
  /** What is known about each scope the kit uses. */
  scopes: Record<CheckedScope, ScopeStatus>
  /** The first failure that makes the connection unusable; `null` when connected. */
  error: PostHogClientError | null
}

function hasScope(scopes: readonly string[], scope: string): boolean {
  const [object] = scope.split(':')
  // PostHog's APIScopePermission: '*' grants all, and 'X:write' also satisfies 'X:read'.
  return (
    scopes.includes('*') || scopes.includes(scope) || (scope.endsWith(':read') && scopes.includes(`${object}:write`))
  )
}

/**
 * Checks host, key and project in at most three cheap calls:
 * 1. `GET /api/projects/{id}/` (needs `project:read`) for the name and time zone;
 * 2. `GET /api/personal_api_keys/@current/` (needs `personal_api_key:read`) for the key's scopes;
 * 3. a `HogQLMetadata` probe of `select 1`, which proves `query:read` without running ClickHouse SQL.
 * A query-only key fails 1 and 2 with 403 and still connects; scopes PostHog named as missing are reported
 * `missing`, the rest `unknown`. Project secret keys (`phs_`) may not call 1 and 2 at all and connect the same way.
 */
export async function testConnection(
  context: ResourceContext,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ConnectionTestResult> {
  const scopes: Record<CheckedScope, ScopeStatus> = {
    'query:read': 'unknown',
    'project:read': 'unknown',
    'personal_api_key:read': 'unknown',
  }
  const common = { signal: options.signal, timeoutMs: options.timeoutMs }
  const failed = (error: PostHogClientError, project: ConnectionProject | null, keyScopes: string[] | null) => {
    if (error.code === 'permission' && error.requiredScope && error.requiredScope in scopes) {
      scopes[error.requiredScope as CheckedScope] = 'missing'
    }
    return { status: 'failed' as const, project, keyScopes, scopes, error }
  }
  // A 403 on the project or key route only means the key may not read that; the query probe decides whether the
  // connection works (a key limited to another project fails there too). Other failures end the test at once.
  const notReadable = (error: PostHogClientError) => error.code === 'permission'

  let project: ConnectionProject | null = null
  const projectAnswer = await context.transport({
    method: 'GET',
    path: `${context.projectPath}/`,
    purpose: 'project',
    ...common,
  })
  if (isFailure(projectAnswer)) {
    if (!notReadable(projectAnswer.error)) return failed(projectAnswer.error, null, null)
    if (projectAnswer.error.requiredScope === 'project:read') scopes['project:read'] = 'missing'
  } else {
    const parsed = projectSchema.safeParse(projectAnswer.data)
    if (!parsed.success) return failed(schemaError('project', parsed.error), null, null)
    project = { id: parsed.data.id, name: parsed.data.name, timezone: parsed.data.timezone ?? null }
    scopes['project:read'] = 'granted'
  }

  let keyScopes: string[] | null = null
  const keyAnswer = await context.transport({
    method: 'GET',
    path: '/api/personal_api_keys/@current/',
    purpose: 'key',
    ...common,
  })
  if (isFailure(keyAnswer)) {
    // Project secret keys (phs_) and older PostHog versions have no such route; a 404 or 403 leaves scopes unknown.
    if (
      keyAnswer.error.code === 'permission' ||
      keyAnswer.error.code === 'project_not_found' ||
      keyAnswer.error.code === 'invalid_request'
    ) {
      if (keyAnswer.error.requiredScope === 'personal_api_key:read') scopes['personal_api_key:read'] = 'missing'
    } else {
      return failed(keyAnswer.error, project, null)
    }
  } else {
    const parsed = personalApiKeySchema.safeParse(keyAnswer.data)
    if (parsed.success && parsed.data.scopes) {
      keyScopes = parsed.data.scopes.length > 0 ? parsed.data.scopes : ['*']
      for (const scope of Object.keys(scopes) as CheckedScope[]) {
        scopes[scope] = hasScope(keyScopes, scope) ? 'granted' : 'missing'
      }
      scopes['personal_api_key:read'] = 'granted'
    }
  }

  const probe = await context.transport({
    method: 'POST',
    path: `${context.projectPath}/query/`,
    body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select 1' } },
    purpose: 'query',
    ...common,
  })
  if (isFailure(probe)) return failed(probe.error, project, keyScopes)
  scopes['query:read'] = 'granted'
  return { status: 'connected', project, keyScopes, scopes, error: null }
}
