import { type ApiInFlightRun, type ApiRun, createApiClient, type ListQueriesResponse } from '@statisfy/posthog-sdk'
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
 * from the run store) and, with `queued`, a scheduler whose run finishes only after `finish()`, as a real queue's:
 * listed only then, or with `savesQueued` listed at once as `queued` (the SDK's Scheduler contract).
 */
function renderRunNow({ queued, savesQueued = false }: { queued: boolean; savesQueued?: boolean }) {
  const backend = createFakeBackend()
  let held: ApiRun[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await backend.fetch(input, init)
    const url = new URL(String(input))
    if (queued && url.pathname.endsWith('/run')) {
      held = backend.state.runs.filter((run) => run.id.startsWith('run-now-'))
      backend.state.runs = backend.state.runs.filter((run) => !held.includes(run))
      if (savesQueued) backend.state.runs = [...held.map(asQueued), ...backend.state.runs]
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
    const ids = held.map((run) => run.id)
    backend.state.runs = [...held, ...backend.state.runs.filter((run) => !ids.includes(run.id))]
    held = []
  }
  return { user, finish }
}

/** The run as the scheduler saves it when it accepts it: queued, nothing read yet. */
const asQueued = (run: ApiRun): ApiInFlightRun => ({
  id: run.id,
  trigger: run.trigger,
  queryId: run.queryId,
  queryName: run.queryName,
  type: run.type,
  status: 'queued',
  dryRun: run.dryRun,
  queuedAt: '2026-11-27T10:00:00Z',
  startedAt: null,
  progress: { rowsRead: 0, written: 0, rejected: 0 },
})

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

  it('shows a run the scheduler saved as queued at once, and its final status everywhere when it ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { user, finish } = renderRunNow({ queued: true, savesQueued: true })
    await screen.findByText('No runs yet.')
    await user.click(screen.getByRole('button', { name: 'Run now' }))
    const table = await screen.findByRole('table')
    expect(within(table).getByText('Queued')).toBeInTheDocument()
    await waitFor(() => expect(within(item('Plan and seats')).getByText('Queued')).toBeInTheDocument())
    // Listed, so the history no longer waits for it with its own message.
    await waitFor(() => expect(screen.queryByText('Run started')).not.toBeInTheDocument())
    finish()
    await act(() => vi.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(within(item('Plan and seats')).getByText('Succeeded')).toBeInTheDocument())
    expect(within(table).getByText('Succeeded')).toBeInTheDocument()
    expect(within(table).queryByText('Queued')).not.toBeInTheDocument()
  })
})
