import type { ApiFinishedRun } from '@statisfy/posthog-sdk'
import { useDownloadRejectsCsv } from '../../hooks/useDownloadRejectsCsv'
import { useRunRejects } from '../../hooks/useRunRejects'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { Button } from '../../primitives/Button'
import { useLoadMoreFocus } from '../../primitives/useLoadMoreFocus'
import { groupRejects } from '../MappingEditor/groupRejects'
import { formatCell } from '../PreviewTable/columnKind'

/** A run's rejected rows grouped by reason, each row with its data, paged from the server; CSV of all of them. */
export function RunRejects({ run }: { run: ApiFinishedRun }) {
  const m = useMessages()
  const rejects = useRunRejects(run.id)
  const download = useDownloadRejectsCsv()
  const loaded = rejects.data?.pages.flatMap((page) => page.rejects) ?? []
  const groups = groupRejects(loaded, Number.POSITIVE_INFINITY)
  const loadMoreFocus = useLoadMoreFocus<HTMLElement>(rejects.hasNextPage)
  return (
    <section
      ref={loadMoreFocus.target}
      tabIndex={-1}
      aria-label={m.showRejects}
      className="sf-stack"
      data-state={rejects.isPending ? 'loading' : rejects.isError ? 'error' : 'ready'}
    >
      <div className="sf-row">
        <Button onClick={() => download.mutate(run.id)} busy={download.isPending}>
          {m.downloadCsv}
        </Button>
      </div>
      {download.error ? <Alert tone="danger">{download.error.message}</Alert> : null}
      {rejects.isPending ? <p className="sf-muted">{m.loading}</p> : null}
      {rejects.error ? <Alert tone="danger">{rejects.error.message}</Alert> : null}
      {rejects.isSuccess && loaded.length === 0 ? <p className="sf-muted">{m.noRejects}</p> : null}
      {groups.map((group) => (
        <section
          key={`${group.reason}:${group.column}`}
          className="sf-stack"
          style={{ gap: 4 }}
          data-reason={group.reason}
        >
          <h3 className="sf-label" style={{ margin: 0 }}>
            {m.rejectSummary(
              run.counts.byReason[group.reason as keyof ApiFinishedRun['counts']['byReason']] ?? group.count,
              run.counts.read,
              group.column,
              m.rejectReasons[group.reason] ?? m.rejectOther(group.reason),
            )}
          </h3>
          <ul className="sf-list">
            {group.examples.map((reject) => (
              <li key={`${reject.row}:${reject.column}`}>
                <span className="sf-label">{m.rejectRow(reject.row)}</span>
                <span className="sf-grow">{reject.message}</span>
                <code className="sf-mono sf-muted" style={{ flexBasis: '100%', overflowWrap: 'anywhere' }}>
                  {Object.entries(reject.rowData)
                    .map(([column, value]) => `${column}=${formatCell(value)}`)
                    .join('  ')}
                </code>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {rejects.hasNextPage ? (
        <Button
          onClick={() => {
            loadMoreFocus.pressed()
            void rejects.fetchNextPage()
          }}
          busy={rejects.isFetchingNextPage}
        >
          {m.loadMore}
        </Button>
      ) : null}
    </section>
  )
}
