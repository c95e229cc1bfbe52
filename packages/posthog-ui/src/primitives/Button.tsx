import { type ButtonHTMLAttributes, forwardRef } from 'react'
import { cx } from './cx'

/** Visual weight of a {@link Button}. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'

/** Props of {@link Button}. */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** @default 'secondary' */
  variant?: ButtonVariant
  /** Shows the button as busy (`aria-busy`, `data-state="busy"`) and ignores clicks while true. */
  busy?: boolean
}

/** The kit's button. `type` defaults to `button` so it never submits a host's surrounding form by accident. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', busy = false, className, type = 'button', onClick, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={cx('sf-button', className)}
      data-variant={variant}
      data-state={busy ? 'busy' : 'idle'}
      aria-busy={busy || undefined}
      onClick={busy ? undefined : onClick}
      {...rest}
    />
  )
})
