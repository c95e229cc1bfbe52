import { useAccountFields } from '../api/useImportedData'
import { EmptyState, ErrorNotice } from '../components/EmptyState'
import { RunLink, runTime } from '../components/RunLink'
import { hrefOf } from '../router/parseRoute'
import { formatCell } from './formatCell'

/** The account's custom field values, with the query and run that wrote each, and when. */
export function CustomFieldsSection({ accountId, count }: { accountId: string; count: number }) {
  const fields = useAccountFields(accountId)
  const pages = fields.data?.pages ?? []
  const rows = pages.flatMap((p) => p.fields)
  const runs = Object.assign({}, ...pages.map((p) => p.runs)) as (typeof pages)[number]['runs']
  return (
    <section aria-labelledby="fields-heading" className="pg-section" data-section="fields">
      <h2 id="fields-heading">Custom fields</h2>
      {fields.isError ? <ErrorNotice error={fields.error} /> : null}
      {fields.isPending && count > 0 ? <p aria-busy="true">Loading custom fields…</p> : null}
      {!fields.isPending && rows.length === 0 && !fields.isError ? (
        <EmptyState title="No custom fields yet">
          Add a custom field query in <a href={hrefOf({ page: 'settings' })}>PostHog settings</a> and Run now.
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <div className="pg-table-wrap">
          <table className="pg-table" aria-label="Custom fields">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Query</th>
                <th scope="col">Run</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.field} data-field={f.field}>
                  <th scope="row" className="pg-mono">
                    {f.field}
                  </th>
                  <td>{formatCell(f.value)}</td>
                  <td>{runs[f.runId]?.queryName ?? <span className="pg-mono">{f.queryId}</span>}</td>
                  <td>
                    <RunLink runId={f.runId} run={runs[f.runId]} />
                  </td>
                  <td>{runTime(runs[f.runId])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {fields.hasNextPage ? (
        <button type="button" className="pg-button" onClick={() => void fields.fetchNextPage()}>
          Load more fields
        </button>
      ) : null}
    </section>
  )
}
