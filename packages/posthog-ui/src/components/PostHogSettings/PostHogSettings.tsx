import type { SavedQuery } from '@statisfy/posthog-sdk'
import { forwardRef, useState } from 'react'
import { useConnection } from '../../hooks/useConnection'
import { useQueries } from '../../hooks/useQueries'
import { useMessages } from '../../i18n/useMessages'
import { cx } from '../../primitives/cx'
import { ConnectForm } from '../ConnectForm/ConnectForm'
import type { ConnectDefaults } from '../ConnectForm/connectDefaults'
import { SyncHistory } from '../SyncHistory/SyncHistory'
import { QueryFlow } from './QueryFlow'
import { QueryList } from './QueryList'
import type { QueryTemplate } from './QueryTemplate'

/** Props of {@link PostHogSettings}. */
export type PostHogSettingsProps = {
  className?: string
  /** "Now" for new query ids and next runs (inject a fixed date in tests and stories). */
  now?: Date
  /**
   * What the connection form starts from while the tenant has no saved connection (`ConnectForm`'s `defaults`): for
   * a demo or an onboarding flow that knows the project. Never put a production key in the browser.
   */
  connectDefaults?: ConnectDefaults
  /** Example queries Add query offers on its first step (`QueryFlow`'s `templates`). */
  templates?: readonly QueryTemplate[]
}

/** What the page shows; exposed as `data-state`. */
export type PostHogSettingsState = 'loading' | 'disconnected' | 'list' | 'editing'

/**
 * The whole PostHog settings page: the connection, the saved queries with their schedule switches, the add/edit
 * flow (type → HogQL → preview → mapping → schedule → save), and the sync history of the chosen query. Each piece is
 * also exported on its own (`ConnectForm`, `QueryList`, `QueryFlow`, `SyncHistory`, ...).
 *
 * @example
 * <PostHogIntegrationProvider client={createApiClient({ baseUrl: '/api/posthog' })}>
 *   <PostHogSettings />
 * </PostHogIntegrationProvider>
 */
export const PostHogSettings = forwardRef<HTMLDivElement, PostHogSettingsProps>(function PostHogSettings(
  { className, now, connectDefaults, templates },
  ref,
) {
  const m = useMessages()
  const connection = useConnection()
  const queries = useQueries()
  const [editing, setEditing] = useState<SavedQuery | 'new' | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  // Edit and Add query leave with the list, Cancel and Save with the flow: focus goes to what replaces them.
  const [flowClosed, setFlowClosed] = useState(false)
  function closeFlow() {
    setEditing(null)
    setFlowClosed(true)
  }
  const state: PostHogSettingsState = connection.isPending
    ? 'loading'
    : !connection.data
      ? 'disconnected'
      : editing
        ? 'editing'
        : 'list'
  const editingId = editing && editing !== 'new' ? editing.definition.id : null
  const otherCadences = (queries.data ?? [])
    .filter((q) => q.definition.enabled && q.definition.id !== editingId)
    .map((q) => q.definition.cadence)

  return (
    <div ref={ref} className={cx('sf-stack', 'sf-settings', className)} data-state={state}>
      <h1 className="sf-heading" style={{ fontSize: '1.35em' }}>
        {m.settingsTitle}
      </h1>
      <ConnectForm defaults={connectDefaults} />
      {state === 'disconnected' ? <p className="sf-muted">{m.connectFirst}</p> : null}
      {state === 'editing' ? (
        <QueryFlow
          query={editing === 'new' ? null : editing}
          otherCadences={otherCadences}
          now={now}
          templates={templates}
          autoFocus
          onCancel={closeFlow}
          onDone={(saved) => {
            closeFlow()
            setSelected(saved.definition.id)
          }}
        />
      ) : null}
      {state === 'list' ? (
        <>
          <QueryList
            onAdd={() => setEditing('new')}
            onEdit={(query) => setEditing(query)}
            onSelect={(query) => setSelected(query.definition.id)}
            selectedId={selected}
            autoFocus={flowClosed}
          />
          <SyncHistory queryId={selected ?? undefined} onQueryIdChange={(queryId) => setSelected(queryId ?? null)} />
        </>
      ) : null}
    </div>
  )
})
