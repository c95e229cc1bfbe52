/** A seeded PostHog project (team) of the emulator. */
export interface Project {
  id: number
  uuid: string
  name: string
  /** IANA zone; DateTime values are returned in it with offsets. */
  timezone: string
  /** The public `phc_` ingestion token (not an API key). */
  apiToken: string
  organizationId: string
  createdAt: string
}

/** The organisation both demo projects belong to. */
export const ORGANIZATION = {
  id: '0188f6b1-4a3c-7c2d-9e1f-2b3c4d5e6f70',
  name: 'Statisfy Demo Org',
  slug: 'statisfy-demo-org',
} as const

/** Default project: UTC, the full dataset. Same id as the reference's test vectors. */
export const DEFAULT_PROJECT_ID = 12345
/** Second project in Europe/Berlin, so timestamp offsets (+01:00/+02:00) are testable. */
export const BERLIN_PROJECT_ID = 12346

/** The projects every emulator serves. */
export const PROJECTS: readonly Project[] = [
  {
    id: DEFAULT_PROJECT_ID,
    uuid: '0188f6b1-4a3c-7c2d-9e1f-000000012345',
    name: 'Default project',
    timezone: 'UTC',
    apiToken: 'phc_emulator_default_project_token',
    organizationId: ORGANIZATION.id,
    createdAt: '2024-01-01T00:00:00Z',
  },
  {
    id: BERLIN_PROJECT_ID,
    uuid: '0188f6b1-4a3c-7c2d-9e1f-000000012346',
    name: 'Berlin project',
    timezone: 'Europe/Berlin',
    apiToken: 'phc_emulator_berlin_project_token',
    organizationId: ORGANIZATION.id,
    createdAt: '2024-03-01T00:00:00Z',
  },
]

/** Finds a project by id. */
export function findProject(id: number): Project | undefined {
  return PROJECTS.find((project) => project.id === id)
}
