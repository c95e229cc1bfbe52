import { isApiError, SyncHistory, useRun } from '@statisfy/posthog-ui'
import { ErrorNotice } from '../components/EmptyState'
import { hrefOf } from '../router/parseRoute'

const when = (iso: string | null | undefined) =>
  iso
    ? `${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(iso))} UTC`
    : '—'

/** One run (what the Accounts page links to as "written by"): its report, then its query's sync history. */
export function RunPage({ runId }: { runId: string }) {
  const run = useRun(runId)
  if (run.isPending) return <p aria-busy="true">Loading the run…</p>
  if (run.isError) {
    return (
      <div className="pg-page" data-page="run">
        <h1 tabIndex={-1}>Run {runId}</h1>
        {isApiError(run.error) && run.error.code === 'run_not_found' ? (
          <p>
            This run is not in the history. See all runs in <a href={hrefOf({ page: 'settings' })}>PostHog settings</a>.
          </p>
        ) : (
          <ErrorNotice error={run.error} />
        )}
      </div>
    )
  }
  const r = run.data
  const counts =
    'progress' in r
      ? { read: r.progress.rowsRead, written: r.progress.written, rejected: r.progress.rejected }
      : r.counts
  return (
    <div className="pg-page" data-page="run" data-status={r.status}>
      <p className="pg-breadcrumb">
        <a href={hrefOf({ page: 'settings' })}>PostHog settings</a> / Run
      </p>
      <h1 tabIndex={-1}>
        {r.queryName}{' '}
        <span className="pg-status" data-status={r.status}>
          {r.status}
        </span>
      </h1>
      <dl className="pg-facts" aria-label="Run">
        <dt>Run</dt>
        <dd className="pg-mono">{r.id}</dd>
        <dt>Query</dt>
        <dd className="pg-mono">{r.queryId}</dd>
        <dt>Trigger</dt>
        <dd>{r.trigger}</dd>
        <dt>Started</dt>
        <dd>{when(r.startedAt)}</dd>
        <dt>Finished</dt>
        <dd>{'finishedAt' in r ? when(r.finishedAt) : 'not yet'}</dd>
        <dt>Rows read / written / rejected</dt>
        <dd>
          {counts.read} / {counts.written} / {counts.rejected}
        </dd>
      </dl>
      {'error' in r && r.error ? <ErrorNotice error={new Error(r.error.message)} /> : null}
      <SyncHistory queryId={r.queryId} />
    </div>
  )
}
