import { useAccountObjects } from '../api/useImportedData'
import { EmptyState, ErrorNotice } from '../components/EmptyState'
import { RunLink } from '../components/RunLink'
import { hrefOf } from '../router/parseRoute'
import { formatCell } from './formatCell'

/** The account's custom object records (type, key, attributes), with the query and run that wrote each. */
export function CustomObjectsSection({ accountId, count }: { accountId: string; count: number }) {
  const objects = useAccountObjects(accountId)
  const pages = objects.data?.pages ?? []
  const rows = pages.flatMap((p) => p.objects)
  const runs = Object.assign({}, ...pages.map((p) => p.runs)) as (typeof pages)[number]['runs']
  return (
    <section aria-labelledby="objects-heading" className="pg-section" data-section="objects">
      <h2 id="objects-heading">Custom objects</h2>
      {objects.isError ? <ErrorNotice error={objects.error} /> : null}
      {objects.isPending && count > 0 ? <p aria-busy="true">Loading custom objects…</p> : null}
      {!objects.isPending && rows.length === 0 && !objects.isError ? (
        <EmptyState title="No custom object records yet">
          Add a custom object query in <a href={hrefOf({ page: 'settings' })}>PostHog settings</a> and Run now.
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <div className="pg-table-wrap">
          <table className="pg-table" aria-label="Custom objects">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Key</th>
                <th scope="col">Attributes</th>
                <th scope="col">Query</th>
                <th scope="col">Run</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={`${o.objectType}/${o.key}`} data-object-key={o.key}>
                  <td className="pg-mono">{o.objectType}</td>
                  <th scope="row" className="pg-mono">
                    {o.key}
                  </th>
                  <td>
                    <dl className="pg-attributes">
                      {Object.entries(o.attributes).map(([name, value]) => (
                        <div key={name}>
                          <dt>{name}</dt>
                          <dd>{formatCell(value)}</dd>
                        </div>
                      ))}
                    </dl>
                  </td>
                  <td>{runs[o.runId]?.queryName ?? <span className="pg-mono">{o.queryId}</span>}</td>
                  <td>
                    <RunLink runId={o.runId} run={runs[o.runId]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {objects.hasNextPage ? (
        <button type="button" className="pg-button" onClick={() => void objects.fetchNextPage()}>
          Load more records
        </button>
      ) : null}
    </section>
  )
}
