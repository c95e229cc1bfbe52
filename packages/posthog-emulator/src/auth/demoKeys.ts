import { BERLIN_PROJECT_ID, DEFAULT_PROJECT_ID } from '../emulator/projects'

/** A credential the emulator knows. */
export interface ApiKeyRecord {
  /** The secret sent as `Authorization: Bearer <value>`. */
  value: string
  kind: 'personal' | 'project_secret'
  id: string
  label: string
  /** PostHog scopes, e.g. `query:read`; `*` grants everything. */
  scopes: readonly string[]
  /** Projects the key is limited to (empty = all the user's projects). */
  scopedTeams: readonly number[]
  scopedOrganizations: readonly string[]
  revoked: boolean
  /** For project secret keys: the project they belong to. */
  teamId?: number
}

/** The demo credentials, by role. Values are stable so docs and other packages' tests can name them. */
export const DEMO_KEYS = {
  /** Personal API key with every scope (`*`). */
  full: 'phx_demo_full_access',
  /** Personal API key with only `query:read`, like the reference's `phx_validkey`. */
  queryOnly: 'phx_demo_query_read',
  /** Personal API key with `project:read` and `user:read` but no `query:read`. */
  noQuery: 'phx_demo_project_read',
  /** Personal API key with every scope, limited to the Berlin project (12346). */
  otherProject: 'phx_demo_other_project',
  /** A revoked personal API key: answers 401 like any unknown key. */
  revoked: 'phx_demo_revoked',
  /** Project secret API key of the default project, with `query:read`. */
  projectSecret: 'phs_demo_project_secret',
} as const

/** Key roles of {@link DEMO_KEYS}. */
export type DemoKeyRole = keyof typeof DEMO_KEYS

const created = '2024-01-01T00:00:00Z'

/** Every key the emulator knows, including the revoked one. */
export const API_KEYS: readonly ApiKeyRecord[] = [
  {
    value: DEMO_KEYS.full,
    kind: 'personal',
    id: '01890000-0000-7000-8000-000000000001',
    label: 'Demo full access',
    scopes: ['*'],
    scopedTeams: [],
    scopedOrganizations: [],
    revoked: false,
  },
  {
    value: DEMO_KEYS.queryOnly,
    kind: 'personal',
    id: '01890000-0000-7000-8000-000000000002',
    label: 'Demo query only',
    scopes: ['query:read'],
    scopedTeams: [],
    scopedOrganizations: [],
    revoked: false,
  },
  {
    value: DEMO_KEYS.noQuery,
    kind: 'personal',
    id: '01890000-0000-7000-8000-000000000003',
    label: 'Demo project read',
    scopes: ['project:read', 'user:read'],
    scopedTeams: [],
    scopedOrganizations: [],
    revoked: false,
  },
  {
    value: DEMO_KEYS.otherProject,
    kind: 'personal',
    id: '01890000-0000-7000-8000-000000000004',
    label: 'Demo Berlin only',
    scopes: ['*'],
    scopedTeams: [BERLIN_PROJECT_ID],
    scopedOrganizations: [],
    revoked: false,
  },
  {
    value: DEMO_KEYS.revoked,
    kind: 'personal',
    id: '01890000-0000-7000-8000-000000000005',
    label: 'Demo revoked',
    scopes: ['*'],
    scopedTeams: [],
    scopedOrganizations: [],
    revoked: true,
  },
  {
    value: DEMO_KEYS.projectSecret,
    kind: 'project_secret',
    id: '01890000-0000-7000-8000-000000000006',
    label: 'Demo project secret',
    scopes: ['query:read'],
    scopedTeams: [DEFAULT_PROJECT_ID],
    scopedOrganizations: [],
    revoked: false,
    teamId: DEFAULT_PROJECT_ID,
  },
]

/** When the demo keys were created (shown by `GET /api/personal_api_keys/@current/`). */
export const KEYS_CREATED_AT = created

/** Masks a key like PostHog's `mask_key_value`: first and last four characters. */
export function maskKey(value: string): string {
  return `${value.slice(0, 4)}...${value.slice(-4)}`
}
