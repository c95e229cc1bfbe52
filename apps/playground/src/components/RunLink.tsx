import type { WriterRun } from '../api/importedDataSchemas'
import { hrefOf } from '../router/parseRoute'

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** When a run wrote its rows: its end, else its start (in flight), as UTC. */
export function runTime(run: WriterRun | undefined): string {
  const at = run?.finishedAt ?? run?.startedAt
  return at ? `${when.format(Date.parse(at))} UTC` : '—'
}

/** A run as text: "Daily events · Nov 1, 2026, 6:00 AM UTC", or its id when the history no longer holds it. */
export function runLabel(runId: string, run: WriterRun | undefined): string {
  return run ? `${run.queryName} · ${runTime(run)}` : `${runId} (no longer in the history)`
}

/** A link to the run's page (its report and its query's sync history); plain text for a run the history lost. */
export function RunLink({ runId, run }: { runId: string; run: WriterRun | undefined }) {
  if (!run) return <span className="pg-muted">{runLabel(runId, run)}</span>
  return (
    <a href={hrefOf({ page: 'run', runId })} className="pg-run-link" data-run-id={runId}>
      <span className="pg-status" data-status={run.status}>
        {run.status}
      </span>{' '}
      {runTime(run)}
    </a>
  )
}
