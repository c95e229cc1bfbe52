import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * `false` on the server and while React hydrates server HTML, `true` after hydration and at once in a client-only
 * render. For output that depends on the engine (e.g. its list of time zones), which would differ between the server
 * HTML and the first client render and make React throw the server's tree away.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
