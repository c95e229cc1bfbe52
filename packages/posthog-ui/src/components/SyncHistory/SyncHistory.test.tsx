import type { ApiFinishedRun } from '@statisfy/posthog-sdk'
import { act, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FakeBackendOptions } from '../../../test/fakeBackend'
import { partialRunRejects, queuedRun, runningRun, runs, stalledRun, usagePreview } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { SyncHistory } from './SyncHistory'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

/** The history with its query picker, as a host wires it. */
function Picked() {
  const [queryId, setQueryId] = useState<string | undefined>('usage-daily')
  return <SyncHistory queryId={queryId} onQueryIdChange={setQueryId} />
}

describe('SyncHistory', () => {
  it('lists runs with status, counts and duration, and charts rows per run', async () => {
    const { container } = renderWithBackend(<SyncHistory queryId="usage-daily" pageSize={6} />)
    const table = await screen.findByRole('table')
    const rows = within(table).getAllByRole('row')
    // Each value follows its column's name, which shows only in the narrow (stacked) layout.
    expect(rows[1]).toHaveTextContent(
      /Status\s*Partial\s*Read\s*1,480\s*Written\s*1,475\s*Rejected\s*5 · Rejected rows\s*Duration\s*4\.00 s/,
    )
    expect(within(table).getByText('Failed')).toBeInTheDocument()
    expect(within(table).getByText(/rate-limited the key/)).toBeInTheDocument()
    expect(within(table).getByText('Skipped: the query was disabled.')).toBeInTheDocument()
    const bars = container.querySelectorAll('.sf-chart-bar')
    expect(bars).toHaveLength(6)
    // Oldest first: the newest (partial) run is the last bar, its rejected rows stacked on the written ones.
    const newest = bars[5] as HTMLElement
    expect(newest).toHaveAttribute('data-status', 'partial')
    expect(newest.title).toMatch(/Partial: 1,475 written, 5 rejected$/)
    expect(newest.querySelector('.sf-chart-rejected')).not.toBeNull()
    const chart = screen.getByRole('img', {
      name: /^Rows per run: 6 runs from .+ to .+, [\d,]+ written and 5 rejected/,
    })
    expect(chart).toContainElement(newest)
    // The tallest run fills the scale, whose top is labelled.
    const tallest = Math.max(...runs.slice(0, 6).map((r) => r.counts.written + r.counts.rejected))
    expect(container.querySelector('.sf-chart-max')).toHaveTextContent(`${tallest.toLocaleString('en-US')} rows`)
    const heights = [...bars].map((bar) => Number.parseFloat((bar.lastElementChild as HTMLElement).style.height))
    expect(Math.max(...heights)).toBeLessThanOrEqual(100)
    expect(heights.filter((h) => h > 0).length).toBeGreaterThan(0)
  })

  it('charts a single run as one bar with its numbers', async () => {
    const only = runs[1] as ApiFinishedRun
    const { container } = renderWithBackend(<SyncHistory />, { runs: [only] })
    await screen.findByRole('table')
    expect(container.querySelectorAll('.sf-chart-bar')).toHaveLength(1)
    expect(
      screen.getByRole('img', {
        name: `Rows per run: one run on Nov ${new Date(only.startedAt).getDate()}, 2026, ${only.counts.written.toLocaleString('en-US')} written, 0 rejected.`,
      }),
    ).toBeInTheDocument()
    const written = container.querySelector('.sf-chart-written') as HTMLElement
    expect(written.style.height).toBe('100%')
  })

  it('pages older runs with Load more', async () => {
    const { user } = renderWithBackend(<SyncHistory pageSize={5} />)
    await screen.findByRole('table')
    expect(screen.getAllByRole('row')).toHaveLength(1 + 5 + 1) // header, runs, the failed run's error
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(document.querySelectorAll('.sf-chart-bar')).toHaveLength(10))
  })

  it('keeps the runs it shows when Load more fails, with the error and Load more to try again', async () => {
    const options: FakeBackendOptions = {}
    const { user } = renderWithBackend(<SyncHistory pageSize={5} />, options)
    const table = await screen.findByRole('table')
    options.fail = { listRuns: { status: 503, code: 'upstream_unavailable', message: 'The run store is busy.' } }
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The run store is busy.')
    expect(table).toBeInTheDocument()
    expect(document.querySelectorAll('.sf-chart-bar')).toHaveLength(5)
    options.fail = undefined
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(document.querySelectorAll('.sf-chart-bar')).toHaveLength(10))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('moves focus to the runs when the last Load more removes the button, not to the page', async () => {
    const { user } = renderWithBackend(<SyncHistory pageSize={6} />)
    await screen.findByRole('table')
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(document.querySelectorAll('.sf-chart-bar')).toHaveLength(12))
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Runs' })).toHaveFocus()
  })

  it('moves focus to the rejected rows when their last page removes Load more', async () => {
    const { user } = renderWithBackend(<SyncHistory queryId="usage-daily" />, { rejectsPageSize: 2 })
    await user.click(await screen.findByRole('button', { name: /5 · Rejected rows/ }))
    const rejects = await screen.findByRole('region', { name: 'Rejected rows' })
    // Five rejected rows, two per page: Load more twice.
    await user.click(await within(rejects).findByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(within(rejects).getAllByRole('listitem')).toHaveLength(4))
    await user.click(within(rejects).getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(within(rejects).queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument())
    expect(within(rejects).getAllByRole('listitem')).toHaveLength(partialRunRejects.length)
    expect(rejects).toHaveFocus()
  })

  it('forgets a failed Run now when it shows another query', async () => {
    const { user } = renderWithBackend(<Picked />, {
      fail: { runQuery: { status: 409, code: 'run_in_progress', message: 'A run of this query is in progress.' } },
    })
    await screen.findByRole('table')
    await user.click(screen.getByRole('button', { name: 'Run now' }))
    expect(await screen.findByText('A run of this query is in progress.')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Query'), 'plan-fields')
    expect(await screen.findByText('No runs yet.')).toBeInTheDocument()
    expect(screen.queryByText('A run of this query is in progress.')).not.toBeInTheDocument()
  })

  it('opens a run’s rejects grouped by reason with row data, and downloads them as CSV', async () => {
    const createObjectURL = vi.fn(() => 'blob:rejects')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const { user, backend } = renderWithBackend(<SyncHistory queryId="usage-daily" />)
    const toggle = await screen.findByRole('button', { name: /5 · Rejected rows/ })
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const group = await screen.findByText('3 of 1,480 values in “day” are not timestamps')
    const section = group.closest('section') as HTMLElement
    expect(within(section).getAllByRole('listitem')).toHaveLength(3)
    expect(within(section).getByText('Row 4')).toBeInTheDocument()
    expect(section).toHaveTextContent(`org_domain=${usagePreview.rows[3]?.[0]}`)
    await user.click(screen.getByRole('button', { name: 'Download CSV' }))
    await waitFor(() => expect(click).toHaveBeenCalled())
    expect(backend.calls.at(-1)).toMatchObject({ operation: 'getRunRejectsCsv', params: { runId: 'run-0' } })
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob))
  })

  it('runs now and shows the new run once the scheduler reports it', async () => {
    const { user, backend } = renderWithBackend(<SyncHistory queryId="usage-daily" />)
    await screen.findByRole('table')
    await user.click(screen.getByRole('button', { name: 'Run now' }))
    await waitFor(() => expect(backend.calls.some((c) => c.operation === 'runQuery')).toBe(true))
    await waitFor(() => expect(document.querySelectorAll('.sf-chart-bar')).toHaveLength(13))
    expect(screen.queryByText('Run started')).not.toBeInTheDocument()
  })

  it('lists runs in flight first with a status chip and their progress, without rejects, and charts finished runs only', async () => {
    const { container } = renderWithBackend(<SyncHistory queryId="usage-daily" pageSize={4} />, {
      runs: [queuedRun, runningRun, ...runs],
    })
    const table = await screen.findByRole('table')
    const [, queued, running] = within(table).getAllByRole('row') as HTMLElement[]
    expect(queued).toHaveAttribute('data-state', 'queued')
    expect(queued).toHaveTextContent(/Status\s*Queued\s*Read\s*0\s*Written\s*0\s*Rejected\s*0\s*Duration\s*—/)
    // Not started yet: the row shows when it was queued.
    expect(queued?.querySelector('time')).toHaveAttribute('dateTime', queuedRun.queuedAt)
    expect(running).toHaveAttribute('data-state', 'running')
    expect(running).toHaveTextContent(
      /Status\s*Running · 12,500 rows read\s*Read\s*12,500\s*Written\s*12,480\s*Rejected\s*20\s*Duration\s*—/,
    )
    expect(within(running as HTMLElement).queryByRole('button')).not.toBeInTheDocument()
    // The first page holds the two runs in flight and two finished ones; only those are charted.
    expect([...container.querySelectorAll('.sf-chart-bar')].map((bar) => bar.getAttribute('data-run'))).toEqual([
      'run-1',
      'run-0',
    ])
  })

  it('polls while a run is in flight, shows its progress and its end, and stops once none is', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { backend } = renderWithBackend(<SyncHistory queryId="usage-daily" />, { runs: [runningRun, ...runs] })
    const table = await screen.findByRole('table')
    const count = (operation: string) => backend.calls.filter((call) => call.operation === operation).length
    const polls = count('listRuns')
    backend.state.runs = [{ ...runningRun, progress: { rowsRead: 20_000, written: 19_970, rejected: 30 } }, ...runs]
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(await within(table).findByText('Running · 20,000 rows read')).toBeInTheDocument()
    expect(count('listRuns')).toBe(polls + 1)

    const queryLists = count('listQueries')
    const finished: ApiFinishedRun = { ...(runs[1] as ApiFinishedRun), id: runningRun.id, trigger: 'manual' }
    backend.state.runs = [finished, ...runs]
    await act(() => vi.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(table.querySelector('tr[data-state="running"]')).toBeNull())
    expect(document.querySelectorAll('.sf-chart-bar')).toHaveLength(13)
    // The saved queries show their last run, which has just ended.
    await waitFor(() => expect(count('listQueries')).toBeGreaterThan(queryLists))
    const settled = count('listRuns')
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(count('listRuns')).toBe(settled)
  })

  it('shows a stalled run as Stalled, with when the worker was last heard from and what to do, and does not poll it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { backend } = renderWithBackend(<SyncHistory queryId="usage-daily" pageSize={4} />, {
      runs: [stalledRun, ...runs],
    })
    const table = await screen.findByRole('table')
    const row = table.querySelector('tr[data-state="stalled"]') as HTMLElement
    expect(row).toHaveTextContent(/Status\s*Stalled\s*Read\s*4,000\s*Written\s*3,990\s*Rejected\s*10\s*Duration\s*—/)
    expect(within(row).queryByText(/Running/)).not.toBeInTheDocument()
    const since = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(stalledRun.updatedAt ?? ''),
    )
    const detail = row.nextElementSibling as HTMLElement
    expect(detail).toHaveTextContent(`Stalled — no word from the worker since ${since}.`)
    expect(detail).toHaveTextContent(/run the query again/)
    expect(detail.querySelector('td')).toHaveAttribute('data-tone', 'warning')
    // Not charted (not finished), and not polled: its worker stopped saving it.
    expect(document.querySelectorAll('.sf-chart-bar')).toHaveLength(3)
    const polls = backend.calls.filter((call) => call.operation === 'listRuns').length
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(backend.calls.filter((call) => call.operation === 'listRuns').length).toBe(polls)
  })

  it('stops polling when the run it follows stalls, and refreshes the saved queries’ last run', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { backend } = renderWithBackend(<SyncHistory queryId="usage-daily" />, { runs: [runningRun, ...runs] })
    const table = await screen.findByRole('table')
    const count = (operation: string) => backend.calls.filter((call) => call.operation === operation).length
    const queryLists = count('listQueries')
    backend.state.runs = [{ ...runningRun, updatedAt: '2026-11-27T09:01:00Z', stalled: true }, ...runs]
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(await within(table).findByText('Stalled')).toBeInTheDocument()
    await waitFor(() => expect(count('listQueries')).toBeGreaterThan(queryLists))
    const settled = count('listRuns')
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(count('listRuns')).toBe(settled)
  })

  it('polls for a live run loaded on a later page when the first page holds only stalled runs', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    // Two runs queued after the live one died; it is still going, listed after them (in-flight runs, newest queued first).
    const died = (id: string, queuedAt: string) => ({ ...stalledRun, id, queuedAt, startedAt: queuedAt })
    const stalledPage = [died('run-died-2', '2026-11-27T09:30:00Z'), died('run-died-1', '2026-11-27T09:20:00Z')]
    const { backend } = renderWithBackend(<SyncHistory queryId="usage-daily" pageSize={2} />, {
      runs: [...stalledPage, runningRun, ...runs],
    })
    const table = await screen.findByRole('table')
    await act(async () => screen.getByRole('button', { name: 'Load more' }).click())
    expect(await within(table).findByText('Running · 12,500 rows read')).toBeInTheDocument()
    const finished: ApiFinishedRun = { ...(runs[1] as ApiFinishedRun), id: runningRun.id, trigger: 'manual' }
    backend.state.runs = [...stalledPage, finished, ...runs]
    await act(() => vi.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(table.querySelector('tr[data-state="running"]')).toBeNull())
  })

  it('shows an empty state and a retryable error', async () => {
    renderWithBackend(<SyncHistory />, { runs: [] })
    expect(await screen.findByText('No runs yet.')).toBeInTheDocument()
  })

  it('shows the server error with a retry', async () => {
    renderWithBackend(<SyncHistory />, {
      fail: { listRuns: { status: 500, code: 'internal_error', message: 'The run store is unavailable.' } },
    })
    expect(await screen.findByText('The run store is unavailable.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })

  it('names the query it shows, or each run’s query when it shows them all', async () => {
    const { unmount } = renderWithBackend(<SyncHistory queryId="usage-daily" />)
    expect(await screen.findByText('Runs of “Daily product usage”')).toBeInTheDocument()
    unmount()
    renderWithBackend(<SyncHistory pageSize={3} />)
    const table = await screen.findByRole('table')
    expect(within(table).getByRole('columnheader', { name: 'Query' })).toBeInTheDocument()
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(runs[0]?.queryName ?? '')
  })

  it('labels the chart’s ends with times when all runs are from one day', async () => {
    const morning = { ...(runs[1] as ApiFinishedRun), id: 'a', startedAt: '2026-11-27T09:05:00Z' }
    const later = { ...(runs[1] as ApiFinishedRun), id: 'b', startedAt: '2026-11-27T09:40:00Z' }
    const { container } = renderWithBackend(<SyncHistory />, { runs: [later, morning] })
    await screen.findByRole('table')
    const time = (iso: string) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
    expect(container.querySelector('.sf-chart-axis')).toHaveTextContent(
      `${time(morning.startedAt)}${time(later.startedAt)}`,
    )
  })
})
