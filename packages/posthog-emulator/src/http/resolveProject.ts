import { DEFAULT_PROJECT_ID, findProject, type Project } from '../emulator/projects'
import { notFound } from './ApiError'

/**
 * Resolves the project id of a URL: a number or `@current` (the key owner's current project, the default one).
 * @throws {ApiError} 404 "Project not found." for a non-numeric id (PostHog's routing), "Not found." for an unknown number.
 */
export function resolveProject(id: string): Project {
  if (id === '@current') return findProject(DEFAULT_PROJECT_ID)!
  if (!/^\d+$/.test(id)) throw notFound('Project not found.')
  const project = findProject(Number(id))
  if (project === undefined) throw notFound('Not found.')
  return project
}
