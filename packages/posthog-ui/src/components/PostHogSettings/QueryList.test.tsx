import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { runningRun, savedQueries, stalledRun } from '../../../test/fixtures'
import { renderWithBackend } from '../../../test/renderWithBackend'
import { QueryList } from './QueryList'

describe('QueryList', () => {
  it('moves focus to the list heading after a delete, not to the page (the Delete button is gone)', async () => {
    const { user } = renderWithBackend(<QueryList />)
    const item = (await screen.findByRole('switch', { name: /Plan and seats/ })).closest('li') as HTMLElement
    await user.click(within(item).getByRole('button', { name: 'Delete' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByText('Plan and seats')).not.toBeInTheDocument())
    expect(screen.getByRole('heading', { name: 'Queries' })).toHaveFocus()
  })

  it('shows a failed delete in its dialog, and not again when another delete is confirmed', async () => {
    const { user } = renderWithBackend(<QueryList />, {
      fail: { deleteQuery: { status: 503, code: 'unavailable', message: 'The server is busy. Try again.' } },
    })
    const item = (name: string) => screen.getByRole('switch', { name: new RegExp(name) }).closest('li') as HTMLElement
    await screen.findByRole('switch', { name: /Plan and seats/ })
    await user.click(within(item('Plan and seats')).getByRole('button', { name: 'Delete' }))
    const first = screen.getByRole('dialog')
    await user.click(within(first).getByRole('button', { name: 'Delete' }))
    expect(await within(first).findByRole('alert')).toHaveTextContent('The server is busy. Try again.')
    await user.click(within(first).getByRole('button', { name: 'Cancel' }))
    await user.click(within(item('Daily product usage')).getByRole('button', { name: 'Delete' }))
    const second = screen.getByRole('dialog', { name: /Daily product usage/ })
    expect(within(second).queryByRole('alert')).not.toBeInTheDocument()
  })

  it("shows a query's run in flight as a neutral status, not as a warning", async () => {
    const queries = savedQueries.map((query, i) => (i === 0 ? { ...query, lastRun: runningRun } : query))
    renderWithBackend(<QueryList />, { queries })
    const name = queries[0]?.definition.name ?? ''
    const item = (await screen.findByRole('switch', { name: new RegExp(name) })).closest('li') as HTMLElement
    const badge = within(item).getByText('Running')
    expect(badge).toHaveAttribute('data-tone', 'neutral')
  })

  it("shows a query's stalled last run as Stalled, a warning, not as Running", async () => {
    const queries = savedQueries.map((query, i) => (i === 0 ? { ...query, lastRun: stalledRun } : query))
    renderWithBackend(<QueryList />, { queries })
    const name = queries[0]?.definition.name ?? ''
    const item = (await screen.findByRole('switch', { name: new RegExp(name) })).closest('li') as HTMLElement
    expect(within(item).getByText('Stalled')).toHaveAttribute('data-tone', 'warning')
    expect(within(item).queryByText('Running')).not.toBeInTheDocument()
  })
})
