import { useMemo } from 'react'
import { useAccountUsage } from '../api/useImportedData'
import { EmptyState, ErrorNotice } from '../components/EmptyState'
import { RunLink, runLabel } from '../components/RunLink'
import { UsageChart } from '../components/UsageChart'
import { hrefOf } from '../router/parseRoute'
import { toSeries } from '../series/toSeries'

/** The account's product usage: one chart per metric, each with the runs that wrote its points. */
export function UsageSection({ accountId, metrics }: { accountId: string; metrics: number }) {
  const usage = useAccountUsage(accountId)
  const series = useMemo(() => toSeries(usage.data?.usage ?? []), [usage.data])
  const runs = usage.data?.runs ?? {}
  return (
    <section aria-labelledby="usage-heading" className="pg-section" data-section="usage">
      <h2 id="usage-heading">Product usage</h2>
      {usage.isError ? <ErrorNotice error={usage.error} /> : null}
      {usage.isPending && metrics > 0 ? <p aria-busy="true">Loading usage…</p> : null}
      {!usage.isPending && series.length === 0 && !usage.isError ? (
        <EmptyState title="No product usage yet">
          Add a product usage query in <a href={hrefOf({ page: 'settings' })}>PostHog settings</a> and Run now.
        </EmptyState>
      ) : null}
      {usage.data?.truncated ? (
        <p className="pg-notice" role="status">
          Showing the first {usage.data.usage.length.toLocaleString('en-US')} points; the account has more.
        </p>
      ) : null}
      <div className="pg-charts">
        {series.map((s) => (
          <div key={s.metric} className="pg-chart-card">
            <UsageChart series={s} runLabel={(id) => runLabel(id, runs[id])} />
            <div className="pg-written-by">
              <span className="pg-muted">Written by {runs[s.writers[0]?.runId ?? '']?.queryName ?? 'runs'}:</span>
              <ul aria-label={`Runs that wrote ${s.metric}`}>
                {s.writers.slice(0, 5).map((w) => (
                  <li key={w.runId}>
                    <RunLink runId={w.runId} run={runs[w.runId]} /> ({w.points} {w.points === 1 ? 'point' : 'points'})
                  </li>
                ))}
                {s.writers.length > 5 ? <li className="pg-muted">and {s.writers.length - 5} earlier runs</li> : null}
              </ul>
            </div>
          </div>
        ))}
      </div>
    </section>
  )
}
