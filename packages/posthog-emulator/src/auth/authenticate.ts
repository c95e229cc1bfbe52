import { ApiError, permissionDenied } from '../http/ApiError'
import { API_KEYS, type ApiKeyRecord } from './demoKeys'

/** Where PostHog found the key; named in the 401 text. SRC: `posthog/auth.py` `find_key_with_source`. */
export type KeySource = 'Authorization header' | 'body' | 'query string'

/** An authenticated request's key. */
export interface Credential {
  key: ApiKeyRecord
  source: KeySource
}

/** Request parts authentication looks at. */
export interface AuthInput {
  authorization: string | null
  /** Parsed JSON body, if any. */
  body: unknown
  query: URLSearchParams
  /** Origin for the `WWW-Authenticate` resource metadata URL. */
  siteUrl: string
}

function unauthorized(code: string, detail: string, siteUrl: string): ApiError {
  // Newer PostHog adds this header to every 401. SRC: `posthog/exceptions.py`.
  const headers = { 'WWW-Authenticate': `Bearer resource_metadata="${siteUrl}/.well-known/oauth-protected-resource"` }
  return new ApiError(401, 'authentication_error', code, detail, { headers })
}

/**
 * Finds and validates the request's key like PostHog: `Authorization: Bearer` first, then `personal_api_key` in the
 * JSON body, then in the query string; only the first candidate is tried. `phs_` bearer tokens are project secret keys.
 * @throws {ApiError} 401 `authentication_failed` for unknown or revoked keys, `not_authenticated` without one.
 */
export function authenticate(input: AuthInput): Credential {
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(input.authorization ?? '')?.[1]
  let candidate: { value: string; source: KeySource } | null = null
  if (bearer?.startsWith('phs_')) {
    const key = API_KEYS.find((k) => k.kind === 'project_secret' && k.value === bearer && !k.revoked)
    if (key === undefined)
      throw unauthorized('authentication_failed', 'Project secret API key is invalid.', input.siteUrl)
    return { key, source: 'Authorization header' }
  }
  // `pha_` tokens are OAuth access tokens, which the personal key authenticator skips.
  if (bearer !== undefined && !bearer.startsWith('pha_')) candidate = { value: bearer, source: 'Authorization header' }
  const body = input.body
  if (candidate === null && typeof body === 'object' && body !== null && 'personal_api_key' in body) {
    const value = (body as { personal_api_key: unknown }).personal_api_key
    if (typeof value === 'string') candidate = { value, source: 'body' }
  }
  if (candidate === null) {
    const value = input.query.get('personal_api_key')
    if (value !== null) candidate = { value, source: 'query string' }
  }
  if (candidate === null) {
    throw unauthorized('not_authenticated', 'Authentication credentials were not provided.', input.siteUrl)
  }
  const found = candidate
  const key = API_KEYS.find((k) => k.kind === 'personal' && k.value === found.value && !k.revoked)
  if (key === undefined) {
    throw unauthorized(
      'authentication_failed',
      `Personal API key found in request ${found.source} is invalid.`,
      input.siteUrl,
    )
  }
  return { key, source: found.source }
}

/** What an endpoint requires, like a DRF viewset's `scope_object` and the team it resolved. */
export interface Requirement {
  /** e.g. `query`, `project`, `user`, `personal_api_key`. */
  scopeObject: string
  /** The project the URL names; `null` for user-level endpoints. */
  teamId: number | null
}

/**
 * PostHog's `APIScopePermission`: project/organisation scoping is checked before scopes; `X:write` satisfies
 * `X:read`; `*` satisfies everything; `/users/@me/` is exempt from project scoping.
 * SRC: `posthog/permissions.py`.
 * @throws {ApiError} 403 `permission_denied` with PostHog's texts.
 */
export function authorize(key: ApiKeyRecord, requirement: Requirement): void {
  if (key.kind === 'project_secret') {
    if (requirement.scopeObject !== 'query')
      throw permissionDenied('This action does not support Project Secret API Key access')
    if (requirement.teamId !== key.teamId) throw permissionDenied("You don't have access to the project.")
  }
  if (requirement.scopeObject !== 'user' && key.scopedTeams.length > 0) {
    if (requirement.teamId === null) {
      throw permissionDenied('API keys with scoped projects are only supported on project-based endpoints.')
    }
    if (!key.scopedTeams.includes(requirement.teamId)) {
      throw permissionDenied(`API key does not have access to the requested project: ID ${requirement.teamId}.`)
    }
  }
  if (key.scopes.includes('*')) return
  const required = `${requirement.scopeObject}:read`
  if (!key.scopes.includes(required) && !key.scopes.includes(`${requirement.scopeObject}:write`)) {
    throw permissionDenied(`API key missing required scope '${required}'`)
  }
}
