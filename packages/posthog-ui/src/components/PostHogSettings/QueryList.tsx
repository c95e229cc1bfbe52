import { isRunStalled, type SavedQuery } from '@statisfy/posthog-sdk'
import { forwardRef, useEffect, useRef, useState } from 'react'
import { useDeleteQuery } from '../../hooks/useDeleteQuery'
import { useQueries } from '../../hooks/useQueries'
import { useSetQueryEnabled } from '../../hooks/useSetQueryEnabled'
import { useMessages } from '../../i18n/useMessages'
import { Alert } from '../../primitives/Alert'
import { Badge } from '../../primitives/Badge'
import { Button } from '../../primitives/Button'
import { cx } from '../../primitives/cx'
import { Dialog } from '../../primitives/Dialog'
import { Switch } from '../../primitives/Switch'
import { runStatusTone } from '../SyncHistory/runStatusTone'

/** Props of {@link QueryList}. */
export type QueryListProps = {
  /** Called by each query's Edit button. */
  onEdit?: (query: SavedQuery) => void
  /** Called by Add query (the button is hidden without it). */
  onAdd?: () => void
  /** Called when a query's name is chosen, e.g. to show its history. */
  onSelect?: (query: SavedQuery) => void
  /** The query highlighted as selected. */
  selectedId?: string | null
  /**
   * Move focus to the list's heading when it appears, for a list that comes back in place of a closed form (focus
   * would otherwise fall to the page). @default false
   */
  autoFocus?: boolean
  className?: string
}

/** The saved queries: type, schedule switch (optimistic), last run, Edit, Delete (confirmed), and Add query. */
export const QueryList = forwardRef<HTMLElement, QueryListProps>(function QueryList(
  { onEdit, onAdd, onSelect, selectedId, autoFocus = false, className },
  ref,
) {
  const m = useMessages()
  const queries = useQueries()
  const setEnabled = useSetQueryEnabled()
  const remove = useDeleteQuery()
  const [deleting, setDeleting] = useState<SavedQuery | null>(null)
  const list = queries.data ?? []
  // The dialog gives focus back to the Delete button, which leaves with its query; keyboard users would be
  // dropped on the page's start, so focus goes to the list's heading instead.
  const heading = useRef<HTMLHeadingElement>(null)
  const [deletedId, setDeletedId] = useState<string | null>(null)
  const deletedGone = deletedId !== null && !list.some((q) => q.definition.id === deletedId)
  useEffect(() => {
    if (!deletedGone) return
    setDeletedId(null)
    const active = document.activeElement
    if (active === null || active === document.body || !active.isConnected) heading.current?.focus()
  }, [deletedGone])
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list appears, like the autofocus attribute.
  useEffect(() => {
    if (autoFocus) heading.current?.focus()
  }, [])
  const state = queries.isPending ? 'loading' : queries.isError ? 'error' : list.length === 0 ? 'empty' : 'ready'
  const typeLabel = {
    product_usage: m.typeProductUsage,
    custom_field: m.typeCustomField,
    custom_object: m.typeCustomObject,
  }
  return (
    <section
      ref={ref}
      className={cx('sf-panel', 'sf-stack', 'sf-query-list', className)}
      data-state={state}
      aria-label={m.queriesTitle}
    >
      <div className="sf-row sf-center">
        <h2 ref={heading} tabIndex={-1} className="sf-heading sf-grow">
          {m.queriesTitle}
        </h2>
        {onAdd ? (
          <Button variant="primary" onClick={onAdd}>
            {m.addQuery}
          </Button>
        ) : null}
      </div>
      {state === 'loading' ? <p className="sf-muted">{m.loading}</p> : null}
      {queries.error ? <Alert tone="danger">{queries.error.message}</Alert> : null}
      {state === 'empty' ? <p className="sf-muted">{m.noQueries}</p> : null}
      {setEnabled.error ? <Alert tone="danger">{setEnabled.error.message}</Alert> : null}
      {list.length > 0 ? (
        <ul className="sf-list">
          {list.map((query) => {
            const { definition, lastRun } = query
            return (
              <li
                key={definition.id}
                data-state={definition.enabled ? 'enabled' : 'disabled'}
                aria-current={selectedId === definition.id || undefined}
              >
                <Switch
                  checked={definition.enabled}
                  label={m.enableQuery(definition.name)}
                  onCheckedChange={(enabled) => setEnabled.mutate({ queryId: definition.id, enabled })}
                />
                <span className="sf-grow">
                  {onSelect ? (
                    <Button variant="ghost" onClick={() => onSelect(query)}>
                      {definition.name}
                    </Button>
                  ) : (
                    <strong>{definition.name}</strong>
                  )}{' '}
                  <span className="sf-muted">{typeLabel[definition.type]}</span>
                </span>
                <span className="sf-actions">
                  {lastRun && isRunStalled(lastRun) ? (
                    <Badge tone="warning">{m.runStalled}</Badge>
                  ) : lastRun ? (
                    <Badge tone={runStatusTone[lastRun.status]}>{m.statusLabels[lastRun.status]}</Badge>
                  ) : null}
                  {onEdit ? <Button onClick={() => onEdit(query)}>{m.editQuery}</Button> : null}
                  <Button
                    variant="danger"
                    onClick={() => {
                      // A failure from an earlier delete must not show in this query's dialog.
                      remove.reset()
                      setDeleting(query)
                    }}
                  >
                    {m.deleteQuery}
                  </Button>
                </span>
              </li>
            )
          })}
        </ul>
      ) : null}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={m.deleteConfirmTitle(deleting?.definition.name ?? '')}
      >
        <p>{m.deleteConfirmBody}</p>
        {remove.error ? <Alert tone="danger">{remove.error.message}</Alert> : null}
        <div className="sf-row">
          <Button onClick={() => setDeleting(null)}>{m.cancel}</Button>
          <Button
            variant="primary"
            busy={remove.isPending}
            onClick={() =>
              deleting &&
              remove.mutate(deleting.definition.id, {
                onSuccess: (_, queryId) => {
                  setDeleting(null)
                  setDeletedId(queryId)
                },
              })
            }
          >
            {m.deleteQuery}
          </Button>
        </div>
      </Dialog>
    </section>
  )
})
