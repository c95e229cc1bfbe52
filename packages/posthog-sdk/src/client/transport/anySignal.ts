/**
 * A signal that aborts when either signal aborts, with that signal's reason. `AbortSignal.any` where the runtime has
 * it (Node 20.3+, current browsers and edge runtimes); a listener-based stand-in for older browsers (Safari < 17.4).
 */
export function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b])
  const controller = new AbortController()
  const forward = (source: AbortSignal) => () => controller.abort(source.reason)
  for (const source of [a, b]) {
    if (source.aborted) {
      controller.abort(source.reason)
      break
    }
    source.addEventListener('abort', forward(source), { once: true, signal: controller.signal })
  }
  return controller.signal
}
