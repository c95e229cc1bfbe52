import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { usagePreview } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { SyncHistory } from './SyncHistory'

afterEach(() => vi.unstubAllGlobals())

describe('SyncHistory', () => {
  it('lists runs with status, counts and duration, and charts rows per run', async () => {
    const { container } = renderWithBackend(<SyncHistory queryId="usage-daily" pageSize={6} />)
    const table = await screen.findByRole('table')
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveTextContent(/Partial\s*1,480\s*1,475\s*5 · Rejected rows\s*4\.00 s/)
    expect(within(table).getByText('Failed')).toBeInTheDocument()
    expect(within(table).getByText(/rate-limited the key/)).toBeInTheDocument()
    expect(within(table).getByText('Skipped: the query was disabled.')).toBeInTheDocument()
    const bars = container.querySelectorAll('svg.sf-chart rect')
    expect(bars).toHaveLength(6)
    // Oldest first: the newest (partial) run is the last bar.
    expect(bars[5]).toHaveAttribute('data-status', 'partial')
    expect(screen.getByRole('img', { name: 'Rows written per run' })).toBeInTheDocument()
  })

  it('pages older runs with Load more', async () => {
    const { user } = renderWithBackend(<SyncHistory pageSize={5} />)
    await screen.findByRole('table')
    expect(screen.getAllByRole('row')).toHaveLength(1 + 5 + 1) // header, runs, the failed run's error
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(document.querySelectorAll('svg.sf-chart rect')).toHaveLength(10))
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
    await waitFor(() => expect(document.querySelectorAll('svg.sf-chart rect')).toHaveLength(13))
    expect(screen.queryByText('Run started')).not.toBeInTheDocument()
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
})
