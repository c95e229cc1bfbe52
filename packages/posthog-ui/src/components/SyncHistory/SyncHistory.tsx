import { type ApiFinishedRun, isRunInFlight, isRunStalled, type RunQueryResponse } from '@statisfy/posthog-sdk'
import { useQueryClient } from '@tanstack/react-query'
import { forwardRef, useEffect, useId, useRef, useState } from 'react'
import { postHogQueryKeys } from '../../hooks/queryKeys'
import { useQueries } from '../../hooks/useQueries'
import { useRunNow } from '../../hooks/useRunNow'
import { useRuns } from '../../hooks/useRuns'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { Button } from '../../primitives/Button'
import { cx } from '../../primitives/cx'
import { Field } from '../../primitives/Field'
import { useLoadMoreFocus } from '../../primitives/useLoadMoreFocus'
import { RunRow } from './RunRow'
import { RunsChart } from './RunsChart'
import { uniqueRuns } from './uniqueRuns'

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

/**
 * The runs of the tenant's queries (or one query): runs in flight first (queued, or running with rows read so far;
 * the list refreshes every 2 s while one is), then finished runs with status, counts and duration, a chart of rows
 * written per finished run, each run's rejected rows grouped by reason with their data, CSV download, and "Run now".
 * A run in flight the server serves as stalled (its worker stopped saving it) shows as Stalled, with when the worker
 * was last heard from and what to do, and is not polled.
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
  // The run asked for with "Run now", until the history lists it (queued, or finished with a scheduler that lists a
  // run only then).
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
  const list = uniqueRuns(runs.data?.pages.flatMap((page) => page.runs) ?? [])
  const finished = list.filter((run): run is ApiFinishedRun => !isRunInFlight(run))
  // Without a run id from the scheduler, any run started since the request counts.
  const reported =
    pending !== null &&
    list.some((run) =>
      pending.runId
        ? run.id === pending.runId
        : Date.parse(isRunInFlight(run) ? run.queuedAt : run.startedAt) >= Date.parse(pending.queuedAt),
    )
  useEffect(() => {
    if (!reported) return
    setPending(null)
    // The saved queries show their last run; a queued run was not there when Run now answered.
    void queryClient.invalidateQueries({ queryKey: postHogQueryKeys.queries() })
  }, [reported, queryClient])
  // useRuns polls while a run is in flight and not stalled. When one the history showed live has ended or stalled,
  // the saved queries' last run changed too.
  const inFlightIds = list
    .filter((run) => isRunInFlight(run) && !isRunStalled(run))
    .map((run) => run.id)
    .join(' ')
  const shownInFlight = useRef(inFlightIds)
  useEffect(() => {
    const now = inFlightIds.split(' ')
    const ended = shownInFlight.current.split(' ').some((id) => id !== '' && !now.includes(id))
    shownInFlight.current = inFlightIds
    if (ended) void queryClient.invalidateQueries({ queryKey: postHogQueryKeys.queries() })
  }, [inFlightIds, queryClient])
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
            <RunsChart runs={finished} />
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
