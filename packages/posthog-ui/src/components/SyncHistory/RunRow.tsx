import {
  type ApiFinishedRun,
  type ApiInFlightRun,
  type ApiRun,
  isRunInFlight,
  isRunStalled,
  runLastSavedAt,
} from '@statisfy/posthog-sdk'
import type { ReactNode } from 'react'
import { useMessages } from '../../i18n/useMessages'
import { Badge } from '../../primitives/Badge'
import { Button } from '../../primitives/Button'
import { RunRejects } from './RunRejects'
import { runStatusTone } from './runStatusTone'
import { useDateFormat } from './useDateFormat'

/** Props of {@link RunRow}. */
export type RunRowProps = {
  run: ApiRun
  /** Whether the run's rejected rows are shown (finished runs only). */
  open: boolean
  onToggle: () => void
  panelId: string
  showQuery: boolean
}

/**
 * One run of the history table: a finished run with its counts, duration, error and rejected rows; a run in
 * flight with its status chip (rows read so far) and its progress, without rejects until it has finished; a run the
 * server serves as stalled with a Stalled chip, when the worker last saved it, and what to do.
 */
export function RunRow(props: RunRowProps) {
  return isRunInFlight(props.run) ? (
    <InFlightRunRow run={props.run} showQuery={props.showQuery} />
  ) : (
    <FinishedRunRow {...props} run={props.run} />
  )
}

function InFlightRunRow({ run, showQuery }: { run: ApiInFlightRun; showQuery: boolean }) {
  const m = useMessages()
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
  const number = (n: number) => n.toLocaleString(m.dateLocale)
  // A queued run has not started: it shows when it was queued.
  const at = run.startedAt ?? run.queuedAt
  const stalled = isRunStalled(run)
  const lastSaved = runLastSavedAt(run)
  return (
    <>
      <tr data-state={stalled ? 'stalled' : run.status}>
        <td>
          <time dateTime={at}>{date.format(new Date(at))}</time>
        </td>
        {showQuery ? <Cell label={m.historyQuery}>{run.queryName}</Cell> : null}
        <Cell label={m.runStatus}>
          {stalled ? (
            <Badge tone="warning">{m.runStalled}</Badge>
          ) : (
            <Badge tone={runStatusTone[run.status]}>
              {run.status === 'running'
                ? m.runProgress(m.statusLabels.running, number(run.progress.rowsRead))
                : m.statusLabels.queued}
            </Badge>
          )}
        </Cell>
        <Cell label={m.runRead}>{number(run.progress.rowsRead)}</Cell>
        <Cell label={m.runWritten}>{number(run.progress.written)}</Cell>
        <Cell label={m.runRejected}>{number(run.progress.rejected)}</Cell>
        <Cell label={m.runDuration}>—</Cell>
      </tr>
      {stalled ? (
        <tr>
          <td colSpan={showQuery ? 7 : 6} data-tone="warning">
            {m.runStalledSince(date.format(new Date(lastSaved)))}
          </td>
        </tr>
      ) : null}
    </>
  )
}

function FinishedRunRow({ run, open, onToggle, panelId, showQuery }: RunRowProps & { run: ApiFinishedRun }) {
  const m = useMessages()
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
  const number = (n: number) => n.toLocaleString(m.dateLocale)
  return (
    <>
      <tr data-state={run.status}>
        <td>
          <time dateTime={run.startedAt}>{date.format(new Date(run.startedAt))}</time>
        </td>
        {showQuery ? <Cell label={m.historyQuery}>{run.queryName}</Cell> : null}
        <Cell label={m.runStatus}>
          <Badge tone={runStatusTone[run.status]}>{m.statusLabels[run.status]}</Badge>
        </Cell>
        <Cell label={m.runRead}>{number(run.counts.read)}</Cell>
        <Cell label={m.runWritten}>{number(run.counts.written)}</Cell>
        <Cell label={m.runRejected}>
          {run.counts.rejected > 0 ? (
            <Button variant="ghost" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
              {number(run.counts.rejected)} · {open ? m.hideRejects : m.showRejects}
            </Button>
          ) : (
            number(0)
          )}
        </Cell>
        <Cell label={m.runDuration}>{m.elapsed(run.durationMs)}</Cell>
      </tr>
      {run.error || run.skipReason ? (
        <tr>
          <td colSpan={showQuery ? 7 : 6} data-tone={run.error ? 'danger' : 'muted'}>
            {run.error?.message ?? m.skipReasons[run.skipReason ?? 'query_disabled']}
          </td>
        </tr>
      ) : null}
      {open ? (
        <tr>
          <td colSpan={showQuery ? 7 : 6} id={panelId}>
            <RunRejects run={run} />
          </td>
        </tr>
      ) : null}
    </>
  )
}

/**
 * A run's cell with its column's name, shown only when the history is too narrow for the table and each run is laid
 * out as a block of labelled values (CSS container query). Screen readers get the name from the column header, so
 * the visible copy is hidden from them.
 */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td>
      <span className="sf-cell-label" aria-hidden="true">
        {label}
      </span>
      {children}
    </td>
  )
}
