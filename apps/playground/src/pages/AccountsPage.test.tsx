import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { createImportedDataClient } from '../api/createImportedDataClient'
import { ImportedDataProvider } from '../api/ImportedDataContext'
import { AccountsPage } from './AccountsPage'

const account = (id: string, usage: number) => ({
  id,
  name: `Company ${id}`,
  domains: [`${id}.example`],
  crmIds: [],
  orgIds: [],
  counts: { usage, metrics: usage ? 2 : 0, fields: 0, objects: 0 },
})

/** The page over a fake worker answering each route from `routes` (a 404 body otherwise). */
function renderWith(routes: Record<string, unknown>, children: ReactNode = <AccountsPage />) {
  const client = createImportedDataClient({
    fetch: async (url) => {
      const path = String(url).replace(/\?.*$/, '')
      const body = routes[path]
      return body
        ? new Response(JSON.stringify(body), { status: 200 })
        : new Response(JSON.stringify({ error: { code: 'not_found', message: `No ${path}` } }), { status: 404 })
    },
  })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <QueryClientProvider client={queryClient}>
      <ImportedDataProvider client={client}>{children}</ImportedDataProvider>
    </QueryClientProvider>,
  )
}

describe('AccountsPage', () => {
  it('says what to do when nothing was imported yet, and still lists the directory', async () => {
    renderWith({
      '/api/imported/summary': { totals: { accounts: 2, accountsWithData: 0, usage: 0, fields: 0, objects: 0 } },
      '/api/imported/accounts': { accounts: [account('a', 0), account('b', 0)], nextCursor: null },
    })
    expect(await screen.findByText('No data yet: add a query in Settings and Run now')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'PostHog settings' })).toHaveAttribute('href', '#/settings')
    expect(await screen.findAllByRole('row')).toHaveLength(3)
  })

  it('lists accounts with their counts, each linking to its page', async () => {
    renderWith({
      '/api/imported/summary': { totals: { accounts: 1, accountsWithData: 1, usage: 1200, fields: 0, objects: 0 } },
      '/api/imported/accounts': { accounts: [account('acc_1', 1200)], nextCursor: null },
    })
    const table = await screen.findByRole('table', { name: 'Accounts and what the syncs imported' })
    const row = within(table).getByRole('row', { name: /Company acc_1/ })
    expect(within(row).getByRole('link')).toHaveAttribute('href', '#/accounts/acc_1')
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['acc_1.example', '1,200', '2', '0', '0'])
    expect(screen.queryByText(/No data yet/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /load more/i })).not.toBeInTheDocument()
  })

  it('shows the worker’s error when it cannot read the data', async () => {
    renderWith({})
    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent('No /api/imported/summary')
  })
})
