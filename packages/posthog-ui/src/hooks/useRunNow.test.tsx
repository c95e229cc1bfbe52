import { type ApiRun, createApiClient, type ListQueriesResponse } from '@statisfy/posthog-sdk'
import { QueryClient } from '@tanstack/react-query'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE_URL, createFakeBackend } from '../../test/fakeBackend'
import { QueryList } from '../components/PostHogSettings/QueryList'
import { SyncHistory } from '../components/SyncHistory/SyncHistory'
import { PostHogIntegrationProvider } from '../provider/PostHogIntegrationProvider'

afterEach(() => vi.useRealTimers())

/**
 * The fake backend with the real handler's `lastRun` (the newest run of each query, as `listQueries` computes it
 * from the run store) and, with `queued`, a scheduler that reports a run only after `finish()`, as a real queue does.
 */
function renderRunNow({ queued }: { queued: boolean }) {
  const backend = createFakeBackend()
  let held: ApiRun[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await backend.fetch(input, init)
    const url = new URL(String(input))
    if (queued && url.pathname.endsWith('/run')) {
      held = backend.state.runs.filter((run) => run.id.startsWith('run-now-'))
      backend.state.runs = backend.state.runs.filter((run) => !held.includes(run))
    }
    if ((init?.method ?? 'GET') !== 'GET' || !url.pathname.endsWith('/queries')) return response
    const body = (await response.json()) as ListQueriesResponse
    const queries = body.queries.map((q) => ({
      ...q,
      lastRun: backend.state.runs.find((run) => run.queryId === q.definition.id) ?? null,
    }))
    return new Response(JSON.stringify({ queries }), { headers: { 'content-type': 'application/json' } })
  }
  const client = createApiClient({ baseUrl: BASE_URL, fetch })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const user = userEvent.setup({
    advanceTimers: (ms) => {
      if (vi.isFakeTimers()) vi.advanceTimersByTime(ms)
    },
  })
  render(
    <PostHogIntegrationProvider client={client} queryClient={queryClient}>
      <QueryList />
      <SyncHistory queryId="plan-fields" />
    </PostHogIntegrationProvider>,
  )
  const finish = () => {
    backend.state.runs = [...held, ...backend.state.runs]
    held = []
  }
  return { user, finish }
}

const item = (name: string) => screen.getByRole('switch', { name: new RegExp(name) }).closest('li') as HTMLElement

describe('Run now and the query list’s last run', () => {
  it('puts the new run’s status on the query that was run (scheduler that runs at once)', async () => {
    const { user } = renderRunNow({ queued: false })
    await screen.findByText('No runs yet.')
    expect(within(item('Plan and seats')).queryByText('Succeeded')).not.toBeInTheDocument()
    expect(within(item('Daily product usage')).getByText('Partial')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Run now' }))
    await waitFor(() => expect(within(item('Plan and seats')).getByText('Succeeded')).toBeInTheDocument())
    expect(within(item('Daily product usage')).getByText('Partial')).toBeInTheDocument()
  })

  it('refreshes the list when a queued run is reported by the history', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { user, finish } = renderRunNow({ queued: true })
    await screen.findByText('No runs yet.')
    await user.click(screen.getByRole('button', { name: 'Run now' }))
    expect(await screen.findByText('Run started')).toBeInTheDocument()
    expect(within(item('Plan and seats')).queryByText('Succeeded')).not.toBeInTheDocument()
    finish()
    await act(() => vi.advanceTimersByTimeAsync(3000))
    await waitFor(() => expect(within(item('Plan and seats')).getByText('Succeeded')).toBeInTheDocument())
  })
})
