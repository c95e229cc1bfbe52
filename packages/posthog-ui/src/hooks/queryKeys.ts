import type { DryRunRequest, ListRunsQuery } from '@statisfy/posthog-sdk'

const root = ['statisfy-posthog'] as const

/**
 * TanStack Query keys of the kit, all under `['statisfy-posthog']` so a host can invalidate everything at once
 * (`queryClient.invalidateQueries({ queryKey: postHogQueryKeys.all })`).
 */
export const postHogQueryKeys = {
  all: root,
  connection: () => [...root, 'connection'] as const,
  schema: () => [...root, 'schema'] as const,
  catalog: () => [...root, 'catalog'] as const,
  queries: () => [...root, 'queries'] as const,
  query: (queryId: string) => [...root, 'queries', queryId] as const,
  runs: (filter: Omit<ListRunsQuery, 'cursor'> = {}) => [...root, 'runs', filter] as const,
  run: (runId: string) => [...root, 'run', runId] as const,
  runRejects: (runId: string) => [...root, 'run', runId, 'rejects'] as const,
  dryRun: (request: Omit<DryRunRequest, 'sample'>, sampleKey: string) =>
    [...root, 'dry-run', request, sampleKey] as const,
}
