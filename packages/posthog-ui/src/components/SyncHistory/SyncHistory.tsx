import type { ApiRun, RunQueryResponse } from '@statisfy/posthog-sdk'
import { useQueryClient } from '@tanstack/react-query'
import { forwardRef, type ReactNode, useEffect, useId, useState } from 'react'
import { postHogQueryKeys } from '../../hooks/queryKeys'
import { useQueries } from '../../hooks/useQueries'
import { useRunNow } from '../../hooks/useRunNow'
import { useRuns } from '../../hooks/useRuns'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { Badge, type Tone } from '../../primitives/Badge'
import { Button } from '../../primitives/Button'
import { cx } from '../../primitives/cx'
import { Field } from '../../primitives/Field'
import { useLoadMoreFocus } from '../../primitives/useLoadMoreFocus'
import { RunRejects } from './RunRejects'
import { RunsChart } from './RunsChart'
import { useDateFormat } from './useDateFormat'

/** Props of {@link SyncHistory}. */
export type SyncHistoryProps = {
  /** Only this saved query's runs; also enables "Run now". Leave out for every query's runs. */
  queryId?: string
  /**
   * Shows a query picker ("All queries" and each saved query) that calls this; the host keeps `queryId`.
   * Without it the history says which query it shows, or lists each run's query.
   */
  onQueryIdChange?: (queryId: string | undefined) => void
  /** Runs per page. @default 20 */
  pageSize?: number
  className?: string
}

/** Where the history stands; exposed as `data-state`. */
export type SyncHistoryState = 'loading' | 'error' | 'empty' | 'ready'

const statusTone: Record<ApiRun['status'], Tone> = {
  succeeded: 'success',
  partial: 'warning',
  failed: 'danger',
  skipped: 'muted',
}

/**
 * The runs of the tenant's queries (or one query): status, counts and duration, a chart of rows written per run,
 * each run's rejected rows grouped by reason with their data, CSV download, and "Run now".
 *
 * @example
 * <SyncHistory queryId="usage-daily" />
 */
export const SyncHistory = forwardRef<HTMLElement, SyncHistoryProps>(function SyncHistory(
  { queryId, onQueryIdChange, pageSize, className },
  ref,
) {
  const m = useMessages()
  const headingId = useId()
  const queries = useQueries()
  const queryName = queries.data?.find((q) => q.definition.id === queryId)?.definition.name
  // The run asked for with "Run now", until the history reports it (runs are listed once they finish).
  const [pending, setPending] = useState<RunQueryResponse | null>(null)
  const [openRunId, setOpenRunId] = useState<string | null>(null)
  const runNow = useRunNow()
  // Another query's history: forget the run being waited for, the open rejects and a failed Run now of the other
  // query (React's reset-on-prop pattern).
  const [shownQueryId, setShownQueryId] = useState(queryId)
  if (shownQueryId !== queryId) {
    setShownQueryId(queryId)
    setPending(null)
    setOpenRunId(null)
  }
  const { reset: resetRunNow } = runNow
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each query change to clear the other query's error.
  useEffect(() => resetRunNow(), [queryId, resetRunNow])
  const runs = useRuns({ queryId, limit: pageSize, pollMs: pending ? 3000 : false })
  const loadMoreFocus = useLoadMoreFocus<HTMLElement>(runs.hasNextPage)
  const queryClient = useQueryClient()
  const list = runs.data?.pages.flatMap((page) => page.runs) ?? []
  // Without a run id from the scheduler, any run started since the request counts.
  const reported =
    pending !== null &&
    list.some((run) =>
      pending.runId ? run.id === pending.runId : Date.parse(run.startedAt) >= Date.parse(pending.queuedAt),
    )
  useEffect(() => {
    if (!reported) return
    setPending(null)
    // The saved queries show their last run; a queued run was not there when Run now answered.
    void queryClient.invalidateQueries({ queryKey: postHogQueryKeys.queries() })
  }, [reported, queryClient])
  // An error with runs already shown (Load more, a refresh) keeps them on screen, with the error above Load more.
  const state: SyncHistoryState = runs.isPending
    ? 'loading'
    : runs.isError && !runs.data
      ? 'error'
      : list.length === 0
        ? 'empty'
        : 'ready'

  return (
    <section
      ref={ref}
      className={cx('sf-panel', 'sf-stack', 'sf-sync-history', className)}
      data-state={state}
      aria-labelledby={headingId}
      aria-busy={state === 'loading'}
    >
      <div className="sf-row sf-center">
        <div className="sf-grow">
          <h2 id={headingId} className="sf-heading">
            {m.historyTitle}
          </h2>
          {queryName && !onQueryIdChange ? <p className="sf-muted sf-subtitle">{m.historyOf(queryName)}</p> : null}
        </div>
        {onQueryIdChange ? (
          <Field label={m.historyQuery} className="sf-inline-field">
            {(control) => (
              <select
                {...control}
                className="sf-select"
                value={queryId ?? ''}
                onChange={(event) => onQueryIdChange(event.target.value || undefined)}
              >
                <option value="">{m.allQueries}</option>
                {queryId && !queryName ? <option value={queryId}>{queryId}</option> : null}
                {(queries.data ?? []).map((q) => (
                  <option key={q.definition.id} value={q.definition.id}>
                    {q.definition.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {queryId ? (
          <Button
            variant="primary"
            busy={runNow.isPending || pending !== null}
            onClick={() => runNow.mutate(queryId, { onSuccess: setPending })}
          >
            {m.runNow}
          </Button>
        ) : null}
      </div>
      {pending ? (
        <p role="status" className="sf-muted">
          {m.runQueued}
        </p>
      ) : null}
      {runNow.error ? <Alert tone="danger">{runNow.error.message}</Alert> : null}
      {body()}
    </section>
  )

  function body() {
    switch (state) {
      case 'loading':
        return <p className="sf-muted">{m.loading}</p>
      case 'error':
        return (
          <Alert tone="danger">
            <p>{runs.error?.message}</p>
            <Button onClick={() => runs.refetch()}>{m.retry}</Button>
          </Alert>
        )
      case 'empty':
        return <p className="sf-muted">{m.noRuns}</p>
      case 'ready':
        return (
          <>
            <RunsChart runs={list} />
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it. */}
            <section ref={loadMoreFocus.target} className="sf-table-wrap" aria-label={m.runsTable} tabIndex={0}>
              <table className="sf-runs">
                <thead>
                  <tr>
                    <th scope="col">{m.runStarted}</th>
                    {queryId ? null : <th scope="col">{m.historyQuery}</th>}
                    <th scope="col">{m.runStatus}</th>
                    <th scope="col">{m.runRead}</th>
                    <th scope="col">{m.runWritten}</th>
                    <th scope="col">{m.runRejected}</th>
                    <th scope="col">{m.runDuration}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((run) => (
                    <RunRow
                      key={run.id}
                      run={run}
                      open={openRunId === run.id}
                      onToggle={() => setOpenRunId(openRunId === run.id ? null : run.id)}
                      panelId={`${headingId}-${run.id}`}
                      showQuery={!queryId}
                    />
                  ))}
                </tbody>
              </table>
            </section>
            {runs.error ? <Alert tone="danger">{runs.error.message}</Alert> : null}
            {runs.hasNextPage ? (
              <Button
                onClick={() => {
                  loadMoreFocus.pressed()
                  void runs.fetchNextPage()
                }}
                busy={runs.isFetchingNextPage}
              >
                {m.loadMore}
              </Button>
            ) : null}
          </>
        )
      default:
        return state satisfies never
    }
  }
})

function RunRow({
  run,
  open,
  onToggle,
  panelId,
  showQuery,
}: {
  run: ApiRun
  open: boolean
  onToggle: () => void
  panelId: string
  showQuery: boolean
}) {
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
          <Badge tone={statusTone[run.status]}>{m.statusLabels[run.status]}</Badge>
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
