import type { ApiFinishedRun } from '@statisfy/posthog-sdk'
import { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeBackend } from '../../test/fakeBackend'
import { runningRun, runs } from '../../test/fixtures'
import { PostHogIntegrationProvider } from '../provider/PostHogIntegrationProvider'
import { useRun } from './useRun'

afterEach(() => vi.useRealTimers())

/** Renders useRun on the running run with fake timers; `gets` counts the getRun calls so far. */
function followRunningRun() {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  const backend = createFakeBackend({ runs: [runningRun, ...runs] })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PostHogIntegrationProvider client={backend.client} queryClient={queryClient}>
      {children}
    </PostHogIntegrationProvider>
  )
  const gets = () => backend.calls.filter((call) => call.operation === 'getRun').length
  const { result } = renderHook(() => useRun(runningRun.id), { wrapper })
  return { backend, result, gets }
}

describe('useRun', () => {
  it('follows a run in flight until it finishes, then stops asking', async () => {
    const { backend, result, gets } = followRunningRun()
    await waitFor(() =>
      expect(result.current.data).toMatchObject({ status: 'running', progress: { rowsRead: 12_500 } }),
    )

    backend.state.runs = [{ ...runningRun, progress: { rowsRead: 30_000, written: 29_990, rejected: 10 } }, ...runs]
    await act(() => vi.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(result.current.data).toMatchObject({ progress: { rowsRead: 30_000 } }))

    const finished: ApiFinishedRun = { ...(runs[1] as ApiFinishedRun), id: runningRun.id }
    backend.state.runs = [finished, ...runs]
    await act(() => vi.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(result.current.data).toEqual(finished))
    const settled = gets()
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(gets()).toBe(settled)
  })

  it('stops asking once the server serves the run as stalled', async () => {
    const { backend, result, gets } = followRunningRun()
    await waitFor(() => expect(result.current.data).toMatchObject({ status: 'running' }))
    backend.state.runs = [{ ...runningRun, stalled: true }, ...runs]
    await act(() => vi.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(result.current.data).toMatchObject({ status: 'running', stalled: true }))
    const settled = gets()
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(gets()).toBe(settled)
  })
})
