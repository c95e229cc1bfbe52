import type { ApiError } from '@statisfy/posthog-sdk'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { usePostHogIntegration } from '../provider/PostHogIntegrationContext'

/**
 * Fetches a run's rejected rows as CSV through the api client (so the host's auth headers apply) and hands the
 * browser a file named `rejects-<runId>.csv`.
 */
export function useDownloadRejectsCsv(): UseMutationResult<void, ApiError, string> {
  const { client } = usePostHogIntegration()
  return useMutation({
    mutationFn: async (runId) => {
      const csv = await client.getRunRejectsCsv(runId)
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }))
      const link = document.createElement('a')
      link.href = url
      link.download = `rejects-${runId}.csv`
      link.click()
      // Revoke after the click has been handled; revoking synchronously cancels the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 0)
    },
  })
}
