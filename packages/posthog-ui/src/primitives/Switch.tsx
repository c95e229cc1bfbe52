import { type ButtonHTMLAttributes, forwardRef } from 'react'
import { cx } from './cx'

/** Props of {@link Switch}. */
export type SwitchProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onChange'> & {
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  /** Accessible name (the switch has no visible text). */
  label: string
}

/** An on/off switch (`role="switch"`), operable with Space and Enter like a button; `data-state` is `on` or `off`. */
export const Switch = forwardRef<HTMLButtonElement, SwitchProps>(function Switch(
  { checked, onCheckedChange, label, className, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      data-state={checked ? 'on' : 'off'}
      className={cx('sf-switch', className)}
      onClick={() => onCheckedChange(!checked)}
      {...rest}
    />
  )
})
