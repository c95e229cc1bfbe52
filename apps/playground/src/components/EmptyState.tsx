import type { ReactNode } from 'react'

/** What a page shows when there is nothing yet, with what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="pg-empty" data-state="empty">
      <p className="pg-empty-title">{title}</p>
      {children ? <div className="pg-empty-body">{children}</div> : null}
    </div>
  )
}

/** A failed request, announced to screen readers. */
export function ErrorNotice({ error }: { error: unknown }) {
  return (
    <div className="pg-error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </div>
  )
}
