import type { HostGuard } from './createHostGuard'
import { HostGuardError, HostGuardErrorCode } from './HostGuardError'

/** Options of {@link createGuardedFetch}. */
export interface GuardedFetchOptions {
  guard: HostGuard
  /** The underlying fetch. @default globalThis.fetch */
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
 */
export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024
  const timeoutMs = options.timeoutMs ?? 70_000

  return async (input, init) => {
    const target = input instanceof Request ? input.url : String(input)
    const url = await options.guard.check(target)
    const timeout = AbortSignal.timeout(timeoutMs)
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout
    let response: Response
    try {
      response = await baseFetch(input, { ...init, redirect: 'manual', signal })
    } catch (cause) {
      if (timeout.aborted && !callerSignal?.aborted) throw timedOut(url, timeoutMs, cause)
      throw cause
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined)
      const location = response.headers.get('location')
      throw new HostGuardError(
        HostGuardErrorCode.RedirectRefused,
        `${url.origin} answered with a redirect${location ? ` to ${safeLocation(location, url)}` : ''}; the API key is never sent on. Enter the final PostHog API host instead.`,
      )
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined)
      throw tooLarge(url, maxBytes)
    }
    if (!response.body) return response
    const reader = response.body.getReader()
    let seen = 0
    // Re-stream the body so a cut-off (size) or a timeout mid-body surfaces as a HostGuardError with its code.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read()
          if (done) return controller.close()
          seen += value.byteLength
          if (seen > maxBytes) {
            await reader.cancel().catch(() => undefined)
            return controller.error(tooLarge(url, maxBytes))
          }
          controller.enqueue(value)
        } catch (cause) {
          controller.error(timeout.aborted && !callerSignal?.aborted ? timedOut(url, timeoutMs, cause) : cause)
        }
      },
      cancel(reason) {
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
