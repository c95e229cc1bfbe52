import { useAccounts, useImportedTotals } from '../api/useImportedData'
import { EmptyState, ErrorNotice } from '../components/EmptyState'
import { hrefOf } from '../router/parseRoute'
import { formatValue } from '../series/toSeries'

/** The accounts of the directory with what the syncs imported for each; a row links to the account's page. */
export function AccountsPage() {
  const totals = useImportedTotals()
  const accounts = useAccounts()
  const rows = accounts.data?.pages.flatMap((p) => p.accounts) ?? []
  const t = totals.data
  const noData = t !== undefined && t.usage + t.fields + t.objects === 0
  return (
    <div className="pg-page" data-page="accounts" data-state={noData ? 'empty' : t ? 'ready' : 'loading'}>
      <h1 tabIndex={-1}>Accounts</h1>
      {totals.isError ? <ErrorNotice error={totals.error} /> : null}
      {t ? (
        <p className="pg-totals" data-testid="imported-totals">
          {formatValue(t.accounts)} accounts, {formatValue(t.accountsWithData)} with imported data ·{' '}
          {formatValue(t.usage)} usage points · {formatValue(t.fields)} custom field values · {formatValue(t.objects)}{' '}
          custom object records
        </p>
      ) : null}
      {t && t.accounts === 0 ? (
        <EmptyState title="No accounts in the directory yet">
          The resolvers match PostHog rows against the tenant’s accounts: import them with{' '}
          <code>sync-worker accounts import &lt;tenant&gt; --file accounts.json</code> (<code>pnpm demo</code> does it).
        </EmptyState>
      ) : noData ? (
        <EmptyState title="No data yet: add a query in Settings and Run now">
          Open <a href={hrefOf({ page: 'settings' })}>PostHog settings</a>, connect, add a query (the examples work on
          the demo data), save it and press <strong>Run now</strong>. What the run writes shows up here.
        </EmptyState>
      ) : null}
      {accounts.isError ? <ErrorNotice error={accounts.error} /> : null}
      {accounts.isPending ? <p aria-busy="true">Loading accounts…</p> : null}
      {rows.length > 0 ? (
        <div className="pg-table-wrap">
          <table className="pg-table" aria-label="Accounts and what the syncs imported">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Domain</th>
                <th scope="col" className="pg-num">
                  Usage points
                </th>
                <th scope="col" className="pg-num">
                  Metrics
                </th>
                <th scope="col" className="pg-num">
                  Custom fields
                </th>
                <th scope="col" className="pg-num">
                  Custom objects
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-account-id={a.id}>
                  <th scope="row">
                    <a href={hrefOf({ page: 'account', accountId: a.id })}>{a.name}</a>
                  </th>
                  <td>{a.domains[0] ?? '—'}</td>
                  <td className="pg-num">{formatValue(a.counts.usage)}</td>
                  <td className="pg-num">{formatValue(a.counts.metrics)}</td>
                  <td className="pg-num">{formatValue(a.counts.fields)}</td>
                  <td className="pg-num">{formatValue(a.counts.objects)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {accounts.hasNextPage ? (
        <button
          type="button"
          className="pg-button"
          onClick={() => void accounts.fetchNextPage()}
          disabled={accounts.isFetchingNextPage}
        >
          {accounts.isFetchingNextPage ? 'Loading…' : 'Load more accounts'}
        </button>
      ) : null}
    </div>
  )
}
