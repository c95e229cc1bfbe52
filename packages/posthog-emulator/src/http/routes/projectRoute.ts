import { authenticate, authorize } from '../../auth/authenticate'
import { ORGANIZATION, PROJECTS, type Project } from '../../emulator/projects'
import { throttled } from '../ApiError'
import type { EmulatorContext } from '../EmulatorContext'
import { jsonResponse } from '../jsonResponse'
import { resolveProject } from '../resolveProject'

/** Authenticates a non-query endpoint, checks its scope and the general throttles. */
export function guardOther(
  context: EmulatorContext,
  request: Request,
  url: URL,
  scopeObject: string,
  teamId: number | null,
) {
  const credential = authenticate({
    authorization: request.headers.get('authorization'),
    body: {},
    query: url.searchParams,
    siteUrl: context.siteUrl,
  })
  authorize(credential.key, { scopeObject, teamId })
  if (credential.key.kind === 'personal') {
    const wait = context.otherLimiter.check(credential.key.value)
    if (wait !== null) throw throttled(wait)
  }
  return credential
}

/** The project body: the fields clients read (id, name, time zone, tokens), a subset of PostHog's ~80. */
export function projectBody(project: Project): Record<string, unknown> {
  return {
    id: project.id,
    uuid: project.uuid,
    organization: ORGANIZATION.id,
    project_id: project.id,
    api_token: project.apiToken,
    name: project.name,
    created_at: project.createdAt,
    updated_at: project.createdAt,
    timezone: project.timezone,
    is_demo: false,
    access_control: false,
    week_start_day: 1,
    primary_dashboard: null,
    ingested_event: true,
    completed_snapshot_onboarding: false,
    person_on_events_querying_enabled: true,
    test_account_filters: [],
    test_account_filters_default_checked: false,
    path_cleaning_filters: [],
    data_attributes: ['data-attr'],
    person_display_name_properties: ['email', 'name'],
    group_types: [
      { group_type: 'organization', group_type_index: 0, name_singular: 'organization', name_plural: 'organizations' },
    ],
    has_group_types: true,
    effective_membership_level: 8,
  }
}

/** `GET /api/projects/:id/` (needs `project:read`). A project the key cannot see is a 404. */
export function getProject(context: EmulatorContext, request: Request, url: URL, projectId: string): Response {
  const project = resolveProject(projectId)
  guardOther(context, request, url, 'project', project.id)
  return jsonResponse(200, projectBody(project))
}

/**
 * `GET /api/projects/` (needs `project:read`), DRF-paginated. Keys limited to projects are refused, as in PostHog
 * ("API keys with scoped projects are only supported on project-based endpoints.").
 */
export function listProjects(context: EmulatorContext, request: Request, url: URL): Response {
  guardOther(context, request, url, 'project', null)
  return jsonResponse(200, { count: PROJECTS.length, next: null, previous: null, results: PROJECTS.map(projectBody) })
}
