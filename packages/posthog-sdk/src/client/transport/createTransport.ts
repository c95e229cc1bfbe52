import { isStatisfyError } from '../../errors/StatisfyError'
import { classifyHttpError } from '../errors/classifyHttpError'
import { PostHogClientError } from '../errors/PostHogClientError'
import type { RequestLimiter } from '../limiter/RateLimiter'
import type { ResolvedRetryOptions } from '../retry/RetryOptions'
import { type FailedAttempt, retryDelay } from '../retry/retryDelay'
import type { Clock } from '../time/Clock'
import { linkSignals } from './linkSignals'
import type { RetryListener, Transport, TransportRequest, TransportResult } from './Transport'

/** What {@link createTransport} needs; the client fills it from its options. */
export interface TransportConfig {
  apiHost: string
  personalApiKey: string
  fetch: typeof globalThis.fetch
  clock: Clock
  limiter: RequestLimiter
  retry: ResolvedRetryOptions
  timeoutMs: number
  userAgent: string | undefined
  random: () => number
  onRetry: RetryListener | undefined
}

type Attempt = { data: unknown; status: number; text: string } | FailedAttempt

// undici reports "fetch failed" and puts the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) in `cause`.
function describeNetworkFailure(error: unknown): string {
  const parts: string[] = []
  for (let current = error, depth = 0; current instanceof Error && depth < 3; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code
    parts.push(typeof code === 'string' ? `${current.message} [${code}]` : current.message)
  }
  return parts.join(': ') || String(error)
}

const abortedError = (request: TransportRequest) =>
  new PostHogClientError('aborted', 'The request was aborted by the caller.', { hogql: request.hogql })

/**
 * Builds the client's one request function: Bearer auth, JSON in and out, a per-attempt timeout combined with the
 * caller's signal, the per-key rate limiter around every attempt, and retries with backoff for transient failures.
 */
export function createTransport(config: TransportConfig): Transport {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${config.personalApiKey}`,
    Accept: 'application/json',
  }
  if (config.userAgent) headers['User-Agent'] = config.userAgent

  async function attemptOnce(request: TransportRequest): Promise<Attempt> {
    const timeoutMs = request.timeoutMs ?? config.timeoutMs
    const timeout = new AbortController()
    const cancelTimer = config.clock.setTimer(timeoutMs, () => timeout.abort())
    const link = request.signal ? linkSignals(request.signal, timeout.signal) : undefined
    const signal = link?.signal ?? timeout.signal
    const fail = (cause: unknown, stage: 'request' | 'body'): FailedAttempt => {
      if (request.signal?.aborted) return { error: abortedError(request), transient: false }
      if (timeout.signal.aborted) {
        return {
          error: new PostHogClientError(
            'timeout',
            `No complete answer from PostHog within ${timeoutMs} ms. Raise timeoutMs, narrow the query, or use mode: 'async' for long queries.`,
            { timeoutSource: 'client', hogql: request.hogql },
            { cause },
          ),
          transient: false,
        }
      }
      // A fetch port that throws one of the kit's own errors has refused on purpose (the server's host guard: a
      // redirect, a private address, an oversized body); retrying would repeat the refused exchange. Only the
      // platform's own failures (undici's "fetch failed", a cut connection) are worth another attempt.
      const transient = !isStatisfyError(cause)
      if (stage === 'request') {
        return {
          error: new PostHogClientError(
            'network',
            `Could not reach PostHog at ${config.apiHost} (${describeNetworkFailure(cause)}). Check the API host and the network.`,
            { hogql: request.hogql },
            { cause },
          ),
          transient,
        }
      }
      return {
        error: new PostHogClientError(
          'invalid_response',
          'The connection closed before PostHog finished sending its answer (the body was cut).',
          { hogql: request.hogql, field: '(body)' },
          { cause },
        ),
        transient,
      }
    }
    try {
      // Redirects are never followed: following one would send the key to wherever the redirect points.
      const init: RequestInit = { method: request.method, headers, signal, redirect: 'manual' }
      if (request.body !== undefined) {
        init.headers = { ...headers, 'Content-Type': 'application/json' }
        init.body = JSON.stringify(request.body)
      }
      let response: Response
      try {
        response = await config.fetch(`${config.apiHost}${request.path}`, init)
      } catch (cause) {
        return fail(cause, 'request')
      }
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        const location = response.headers.get('location')
        return {
          error: new PostHogClientError(
            'invalid_request',
            `${config.apiHost} answered with a redirect${location ? ` to ${location}` : ''}. The client does not follow redirects (they would carry the API key); set apiHost to the final PostHog host.`,
            { status: response.status, hogql: request.hogql },
          ),
          transient: false,
        }
      }
      let text: string
      try {
        text = await response.text()
      } catch (cause) {
        return fail(cause, 'body')
      }
      let body: unknown = null
      let malformed: unknown
      if (text.length > 0) {
        try {
          body = JSON.parse(text)
        } catch (cause) {
          malformed = cause
        }
      }
      const ok = response.ok || (malformed === undefined && request.isData?.(response.status, body) === true)
      if (ok && malformed === undefined) return { data: body, status: response.status, text }
      if (ok || (malformed !== undefined && response.status < 400)) {
        const contentType = response.headers.get('content-type') ?? ''
        const html = /html/i.test(contentType) || /^\s*</.test(text)
        return {
          error: new PostHogClientError(
            'invalid_response',
            html
              ? `${config.apiHost} answered with a web page, not PostHog's API. Use your PostHog app host (https://us.posthog.com, https://eu.posthog.com or your self-hosted URL).`
              : `PostHog's answer is not valid JSON (${malformed instanceof Error ? malformed.message : 'parse error'}).`,
            { status: response.status, hogql: request.hogql, field: '(body)' },
            { cause: malformed },
          ),
          transient: !html,
        }
      }
      return {
        error: classifyHttpError({
          status: response.status,
          body: malformed === undefined ? body : { detail: text.slice(0, 200) },
          retryAfter: response.headers.get('retry-after'),
          purpose: request.purpose,
          nowMs: config.clock.now(),
          hogql: request.hogql,
        }),
        transient: false,
      }
    } finally {
      cancelTimer()
      link?.unlink()
    }
  }

  return async function send(request: TransportRequest): Promise<TransportResult> {
    const started = config.clock.now()
    for (let attempt = 1; ; attempt++) {
      let release: () => void
      try {
        release = await config.limiter.acquire(request.signal)
      } catch {
        return { error: abortedError(request) }
      }
      let outcome: Attempt
      try {
        outcome = await attemptOnce(request)
        // The pause is set before the slot is given back, so no request of the key can start in between.
        if ('error' in outcome && outcome.error.code === 'rate_limited' && outcome.error.retryAfterMs !== undefined)
          config.limiter.pause(outcome.error.retryAfterMs)
      } finally {
        release()
      }
      if (!('error' in outcome)) return outcome
      const { error } = outcome
      const delay =
        request.retry === false || error.code === 'aborted'
          ? undefined
          : retryDelay(outcome, attempt, config.clock.now() - started, config.retry, config.random)
      if (delay === undefined) return { error: attempt > 1 ? error.with({ attempts: attempt }) : error }
      config.onRetry?.({ attempt, delayMs: delay, error, path: request.path })
      try {
        await config.clock.sleep(delay, request.signal)
      } catch {
        return { error: abortedError(request) }
      }
    }
  }
}
