import { type ApiRun, isRunInFlight } from '@statisfy/posthog-sdk'

/**
 * The runs of several pages, each once. A run that finished between the requests of two pages is listed in flight on
 * the first and finished on a later one; it keeps the place of its first listing with its finished state.
 */
export function uniqueRuns(runs: readonly ApiRun[]): ApiRun[] {
  const finished = new Map<string, ApiRun>()
  for (const run of runs) if (!isRunInFlight(run)) finished.set(run.id, run)
  const seen = new Set<string>()
  const unique: ApiRun[] = []
  for (const run of runs) {
    if (seen.has(run.id)) continue
    seen.add(run.id)
    unique.push(finished.get(run.id) ?? run)
  }
  return unique
}
