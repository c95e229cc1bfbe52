import { KEYS_CREATED_AT, maskKey } from '../../auth/demoKeys'
import { DEMO_USER } from '../../auth/demoUser'
import { DEFAULT_PROJECT_ID, findProject, ORGANIZATION, PROJECTS } from '../../emulator/projects'
import { notFound, permissionDenied } from '../ApiError'
import type { EmulatorContext } from '../EmulatorContext'
import { jsonResponse } from '../jsonResponse'
import { guardOther, projectBody } from './projectRoute'

/** `GET /api/users/@me/` (needs `user:read`; exempt from project scoping). */
export function getMe(context: EmulatorContext, request: Request, url: URL): Response {
  guardOther(context, request, url, 'user', null)
  const organization = { id: ORGANIZATION.id, name: ORGANIZATION.name, slug: ORGANIZATION.slug, membership_level: 15 }
  return jsonResponse(200, {
    date_joined: '2024-01-01T00:00:00Z',
    uuid: DEMO_USER.uuid,
    distinct_id: DEMO_USER.distinct_id,
    first_name: DEMO_USER.first_name,
    last_name: DEMO_USER.last_name,
    email: DEMO_USER.email,
    pending_email: null,
    is_email_verified: true,
    is_staff: false,
    organization: { ...organization, teams: PROJECTS.map((p) => ({ id: p.id, name: p.name, timezone: p.timezone })) },
    organizations: [organization],
    team: projectBody(findProject(DEFAULT_PROJECT_ID)!),
  })
}

/**
 * `GET /api/personal_api_keys/@current/`: the key introspecting itself (scopes, scoped projects and organisations).
 * The viewset's scope object is `personal_api_key`, so the key needs `personal_api_key:read` (or `*`).
 * SRC: PostHog/posthog `posthog/api/personal_api_key.py` (`safely_get_object`: `@current` →
 * `request.successful_authenticator.personal_api_key`), `posthog/api/test/test_personal_api_keys.py`.
 */
export function getCurrentKey(context: EmulatorContext, request: Request, url: URL, keyId: string): Response {
  const credential = guardOther(context, request, url, 'personal_api_key', null)
  const key = credential.key
  if (key.kind !== 'personal') throw permissionDenied('This action does not support Project Secret API Key access')
  if (keyId !== '@current' && keyId !== key.id) throw notFound()
  return jsonResponse(200, {
    id: key.id,
    label: key.label,
    value: null,
    mask_value: maskKey(key.value),
    created_at: KEYS_CREATED_AT,
    last_used_at: new Date(context.clock.now()).toISOString(),
    user_id: DEMO_USER.id,
    scopes: key.scopes.length === 0 ? ['*'] : key.scopes,
    scoped_teams: key.scopedTeams,
    scoped_organizations: key.scopedOrganizations,
  })
}
