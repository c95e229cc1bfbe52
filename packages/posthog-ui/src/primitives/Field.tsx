import { forwardRef, type ReactNode, useId } from 'react'
import { cx } from './cx'

/** The attributes a {@link Field} hands to its control so the label, hint and error are announced with it. */
export type FieldControlProps = {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': true | undefined
}

/** Props of {@link Field}. */
export type FieldProps = {
  /** Visible label, tied to the control with `for`/`id`. */
  label: ReactNode
  /** Help text under the control. */
  hint?: ReactNode
  /** Error text; marks the control `aria-invalid` and replaces the hint. */
  error?: ReactNode
  className?: string
  /** Renders the control with the ids it must carry. */
  children: (control: FieldControlProps) => ReactNode
}

/** A labelled form field: label, control, and hint or error, wired for screen readers. */
export const Field = forwardRef<HTMLDivElement, FieldProps>(function Field(
  { label, hint, error, className, children },
  ref,
) {
  const id = useId()
  const messageId = `${id}-message`
  const message = error ?? hint
  return (
    <div ref={ref} className={cx('sf-field', className)} data-invalid={error ? '' : undefined}>
      <label className="sf-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': message ? messageId : undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {message ? (
        <span id={messageId} className="sf-hint" role={error ? 'alert' : undefined}>
          {message}
        </span>
      ) : null}
    </div>
  )
})
