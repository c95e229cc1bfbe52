import { useSyncExternalStore } from 'react'
import { parseRoute, type Route } from './parseRoute'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The current page from `location.hash`, re-rendering on every hash change (links, back and forward). */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  )
  return parseRoute(hash)
}
