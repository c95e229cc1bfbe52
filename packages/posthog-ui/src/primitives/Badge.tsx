import { forwardRef, type HTMLAttributes } from 'react'
import { cx } from './cx'

/** Colour of a badge or alert. */
export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'muted'

/** A small status label. */
export const Badge = forwardRef<HTMLSpanElement, HTMLAttributes<HTMLSpanElement> & { tone?: Tone }>(function Badge(
  { tone = 'neutral', className, ...rest },
  ref,
) {
  return <span ref={ref} className={cx('sf-badge', className)} data-tone={tone} {...rest} />
})
