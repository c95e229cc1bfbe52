import { forwardRef, type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react'
import { cx } from './cx'

/** Props of {@link Dialog}. */
export type DialogProps = {
  open: boolean
  /** Called on Escape and on the overlay click. */
  onClose: () => void
  /** Heading; also the dialog's accessible name. */
  title: ReactNode
  className?: string
  children: ReactNode
}

const focusable =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"]),[contenteditable=true]'

/**
 * A modal dialog rendered inside the kit's root (no portal, so the kit's scoped styles apply). On open it moves focus to
 * the first control, keeps Tab and Shift+Tab inside, closes on Escape, and gives focus back to what had it before.
 */
export const Dialog = forwardRef<HTMLDivElement, DialogProps>(function Dialog(
  { open, onClose, title, className, children },
  ref,
) {
  const titleId = useId()
  const panel = useRef<HTMLDivElement | null>(null)

  useEffect(() => {
    if (!open) return
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const first = panel.current?.querySelector<HTMLElement>(focusable)
    ;(first ?? panel.current)?.focus()
    return () => previous?.focus()
  }, [open])

  if (!open) return null

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
      return
    }
    if (event.key !== 'Tab' || !panel.current) return
    const items = [...panel.current.querySelectorAll<HTMLElement>(focusable)]
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicking outside is a pointer shortcut; keyboard users close with Escape.
    <div className="sf-overlay" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={(node) => {
          panel.current = node
          if (typeof ref === 'function') ref(node)
          else if (ref) ref.current = node
        }}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-state="open"
        className={cx('sf-dialog', className)}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="sf-heading">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
})
