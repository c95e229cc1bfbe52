import { useEffect, useState } from 'react'

const QUERY = '(prefers-color-scheme: dark)'

/**
 * Whether the system prefers a dark scheme, followed live. Reads `matchMedia` only after mount (never during render or
 * at import), so server rendering and the first client render agree on light.
 */
export function usePrefersDark(enabled: boolean): boolean {
  const [dark, setDark] = useState(false)
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
    const media = window.matchMedia(QUERY)
    const sync = () => setDark(media.matches)
    sync()
    media.addEventListener('change', sync)
    return () => media.removeEventListener('change', sync)
  }, [enabled])
  return enabled && dark
}
