import { type RefObject, useEffect, useState } from 'react'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/**
 * The colour scheme the editor should use. `light`/`dark` are taken as given; `auto` follows the kit's root (the
 * nearest `[data-sf-theme]` ancestor, set by `KitRoot` from `appearance.theme`) and, when that is `auto` or absent,
 * the system's `prefers-color-scheme`, live. Reads the DOM only after mount, never during render or at import, so
 * server rendering and the first client render agree on light.
 */
export function useResolvedTheme(
  element: RefObject<HTMLElement | null>,
  theme: 'light' | 'dark' | 'auto',
): 'light' | 'dark' {
  const [resolved, setResolved] = useState<'light' | 'dark'>(theme === 'dark' ? 'dark' : 'light')
  useEffect(() => {
    if (theme !== 'auto') {
      setResolved(theme)
      return
    }
    const kitRoot = element.current?.closest<HTMLElement>('[data-sf-theme]') ?? null
    const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null
    const sync = () => {
      const kitTheme = kitRoot?.dataset.sfTheme
      setResolved(kitTheme === 'dark' || (kitTheme !== 'light' && media?.matches) ? 'dark' : 'light')
    }
    sync()
    media?.addEventListener('change', sync)
    const observer = kitRoot ? new MutationObserver(sync) : null
    if (kitRoot) observer?.observe(kitRoot, { attributes: true, attributeFilter: ['data-sf-theme'] })
    return () => {
      media?.removeEventListener('change', sync)
      observer?.disconnect()
    }
  }, [element, theme])
  return resolved
}
