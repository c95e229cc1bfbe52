import { isImportedDataError } from '../api/ImportedDataError'
import { useAccount } from '../api/useImportedData'
import { ErrorNotice } from '../components/EmptyState'
import { hrefOf } from '../router/parseRoute'
import { CustomFieldsSection } from './CustomFieldsSection'
import { CustomObjectsSection } from './CustomObjectsSection'
import { UsageSection } from './UsageSection'

/** One account: who it is, its usage charts, custom fields and custom object records, each with the run that wrote it. */
export function AccountPage({ accountId }: { accountId: string }) {
  const account = useAccount(accountId)
  const back = (
    <p className="pg-breadcrumb">
      <a href={hrefOf({ page: 'accounts' })}>Accounts</a> / {account.data?.name ?? accountId}
    </p>
  )
  if (account.isPending) return <p aria-busy="true">Loading the account…</p>
  if (account.isError) {
    return (
      <div className="pg-page" data-page="account">
        {back}
        <h1 tabIndex={-1}>{accountId}</h1>
        {isImportedDataError(account.error, 'account_not_found') ? (
          <p>
            There is no account <code>{accountId}</code> in the directory.{' '}
            <a href={hrefOf({ page: 'accounts' })}>Back to the accounts</a>.
          </p>
        ) : (
          <ErrorNotice error={account.error} />
        )}
      </div>
    )
  }
  const a = account.data
  return (
    <div className="pg-page" data-page="account" data-account-id={a.id}>
      {back}
      <h1 tabIndex={-1}>{a.name}</h1>
      <dl className="pg-facts" aria-label="Account">
        <dt>Account id</dt>
        <dd className="pg-mono">{a.id}</dd>
        <dt>Org ids</dt>
        <dd className="pg-mono">{a.orgIds.join(', ') || '—'}</dd>
        <dt>CRM ids</dt>
        <dd className="pg-mono">{a.crmIds.join(', ') || '—'}</dd>
        <dt>Domains</dt>
        <dd>{a.domains.join(', ') || '—'}</dd>
      </dl>
      <UsageSection accountId={a.id} metrics={a.metrics.length} />
      <CustomFieldsSection accountId={a.id} count={a.counts.fields} />
      <CustomObjectsSection accountId={a.id} count={a.counts.objects} />
    </div>
  )
}
