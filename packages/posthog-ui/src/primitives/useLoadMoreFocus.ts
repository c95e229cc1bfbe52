import { useEffect, useRef } from 'react'

/**
 * Keeps keyboard focus when a "Load more" list gets its last page: the button is removed then, and focus would fall
 * to the start of the page. Give `target` to the element that takes focus instead (focusable: a region with
 * `tabIndex`) and call `pressed()` from Load more.
 *
 * @example
 * const focus = useLoadMoreFocus<HTMLElement>(runs.hasNextPage)
 * <section ref={focus.target} tabIndex={-1}>…</section>
 * <Button onClick={() => { focus.pressed(); void runs.fetchNextPage() }}>Load more</Button>
 */
export function useLoadMoreFocus<T extends HTMLElement>(hasNextPage: boolean) {
  const target = useRef<T>(null)
  const waiting = useRef(false)
  useEffect(() => {
    if (hasNextPage || !waiting.current) return
    waiting.current = false
    // Only when focus was lost with the button; a person who moved on keeps their place.
    const active = document.activeElement
    if (active === null || active === document.body) target.current?.focus()
  }, [hasNextPage])
  return {
    target,
    pressed: () => {
      waiting.current = true
    },
  }
}
