import { linkSignals } from '../../client/transport/linkSignals'
import type { HostGuard } from './createHostGuard'
import { createPinnedDispatcher } from './createPinnedDispatcher'
import { findHostGuardError, HostGuardError, HostGuardErrorCode } from './HostGuardError'

/** Options of {@link createGuardedFetch}. */
export interface GuardedFetchOptions {
  guard: HostGuard
  /**
   * The underlying fetch. On Node it receives `init.dispatcher`, the connection-pinning undici Agent: pass it on to
   * Node's or undici's fetch, or the connection resolves the name again unjudged.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * Largest response body accepted, in bytes. A 50,000-row PostHog result is about 17 MB.
   * @default 64 MiB
   */
  maxResponseBytes?: number
  /**
   * Time allowed for the whole exchange (headers and body). PostHog Cloud's gateway cuts synchronous queries at
   * about 60 s, so the default leaves room for PostHog's own 504 to arrive.
   * @default 70000
   */
  timeoutMs?: number
}

/**
 * A `fetch` for talking to a user-supplied PostHog host: every URL passes the {@link HostGuard} first, redirects
 * are never followed (they would carry the `Authorization` header to wherever they point) and are refused with
 * `redirect_refused`, and the body is capped in size and the exchange in time.
 *
 * On Node the connection itself is pinned: fetch gets an undici dispatcher whose connect-time lookup goes through
 * `guard.lookup`, so a name that resolved to a public address for the check and to a private one for the connection
 * (DNS rebinding) is refused with `host_private_address` instead of reached. Where undici cannot load (edge
 * runtimes), the check before the fetch is the only one.
 */
export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024
  const timeoutMs = options.timeoutMs ?? 70_000

  let dispatcher: ReturnType<typeof createPinnedDispatcher> | undefined

  return async (input, init) => {
    const target = input instanceof Request ? input.url : String(input)
    const url = await options.guard.check(target)
    dispatcher ??= createPinnedDispatcher(options.guard)
    const pinned = await dispatcher
    const timeout = AbortSignal.timeout(timeoutMs)
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    // Not AbortSignal.any: on Node 20 it keeps a record per call alive on a long-lived caller signal.
    const link = callerSignal ? linkSignals(callerSignal, timeout) : undefined
    const signal = link?.signal ?? timeout
    let response: Response
    try {
      response = await baseFetch(input, {
        ...init,
        redirect: 'manual',
        signal,
        ...(pinned ? { dispatcher: pinned } : {}),
      })
    } catch (cause) {
      link?.unlink()
      if (timeout.aborted && !callerSignal?.aborted) throw timedOut(url, timeoutMs, cause)
      // undici wraps a refusal from the connect-time lookup in "fetch failed"; surface the guard's own error.
      throw findHostGuardError(cause) ?? cause
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      link?.unlink()
      await response.body?.cancel().catch(() => undefined)
      const location = response.headers.get('location')
      throw new HostGuardError(
        HostGuardErrorCode.RedirectRefused,
        `${url.origin} answered with a redirect${location ? ` to ${safeLocation(location, url)}` : ''}; the API key is never sent on. Enter the final PostHog API host instead.`,
      )
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
      link?.unlink()
      await response.body?.cancel().catch(() => undefined)
      throw tooLarge(url, maxBytes)
    }
    if (!response.body) {
      link?.unlink()
      return response
    }
    const reader = response.body.getReader()
    let seen = 0
    // Re-stream the body so a cut-off (size) or a timeout mid-body surfaces as a HostGuardError with its code.
    // The caller's signal stays linked until the body ends, errs or is cancelled: it may abort the body too.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read()
          if (done) {
            link?.unlink()
            return controller.close()
          }
          seen += value.byteLength
          if (seen > maxBytes) {
            link?.unlink()
            await reader.cancel().catch(() => undefined)
            return controller.error(tooLarge(url, maxBytes))
          }
          controller.enqueue(value)
        } catch (cause) {
          link?.unlink()
          controller.error(timeout.aborted && !callerSignal?.aborted ? timedOut(url, timeoutMs, cause) : cause)
        }
      },
      cancel(reason) {
        link?.unlink()
        return reader.cancel(reason)
      },
    })
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}

function tooLarge(url: URL, maxBytes: number): HostGuardError {
  return new HostGuardError(
    HostGuardErrorCode.ResponseTooLarge,
    `${url.origin} sent more than ${Math.round(maxBytes / 1024 / 1024)} MiB; narrow the query (fewer columns, a LIMIT, a shorter window).`,
  )
}

function timedOut(url: URL, timeoutMs: number, cause?: unknown): HostGuardError {
  return new HostGuardError(
    HostGuardErrorCode.ResponseTimeout,
    `${url.origin} did not answer within ${Math.round(timeoutMs / 1000)} s; narrow the query or try again later.`,
    { cause },
  )
}

// Only the origin of a redirect target is shown: its path or query could carry tokens.
function safeLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).origin
  } catch {
    return 'an invalid location'
  }
}
