import type { ApiError, SavedQuery } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'
import { postHogQueryKeys } from './queryKeys'

/**
 * Turns a saved query's schedule on or off. The switch flips at once (optimistic update) and flips back if the
 * server refuses. The query's own entry (`useSavedQuery`) takes the server's answer, so a view of it is not stale.
 */
export function useSetQueryEnabled(): UseMutationResult<
  SavedQuery,
  ApiError,
  { queryId: string; enabled: boolean },
  { previous: SavedQuery[] | undefined }
> {
  const { client } = usePostHogIntegration()
  const queryClient = useQueryClient()
  const key = postHogQueryKeys.queries()
  return useMutation({
    mutationFn: ({ queryId, enabled }) => client.setQueryEnabled(queryId, enabled),
    onMutate: async ({ queryId, enabled }) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true })
      const previous = queryClient.getQueryData<SavedQuery[]>(key)
      queryClient.setQueryData<SavedQuery[]>(key, (queries) =>
        queries?.map((q) => (q.definition.id === queryId ? { ...q, definition: { ...q.definition, enabled } } : q)),
      )
      return { previous }
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous)
    },
    onSuccess: (saved) => queryClient.setQueryData(postHogQueryKeys.query(saved.definition.id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key, exact: true }),
  })
}
