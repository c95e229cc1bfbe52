import { forwardRef, type HTMLAttributes, type ReactNode } from 'react'
import type { Tone } from './Badge'
import { cx } from './cx'

/** Props of {@link Alert}. */
export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, 'title'> & {
  tone?: Tone
  /** Short first line in bold. */
  title?: ReactNode
}

/**
 * A message box. Danger alerts use `role="alert"` so screen readers announce them when they appear; the others use
 * `role="status"`.
 */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { tone = 'neutral', title, className, children, ...rest },
  ref,
) {
  return (
    <div
      ref={ref}
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cx('sf-alert', className)}
      data-tone={tone}
      {...rest}
    >
      {title ? <p className="sf-alert-title">{title}</p> : null}
      {children}
    </div>
  )
})
