import { describe, expect, it } from 'vitest'
import { StatisfyError } from '../../errors/StatisfyError'
import { RateLimiter } from '../limiter/RateLimiter'
import { resolveRetryOptions } from '../retry/RetryOptions'
import { createManualClock } from '../time/createManualClock'
import { createTransport } from './createTransport'
import { isFailure, type TransportRequest } from './Transport'

// The fetch port scripted answer by answer: these tests pin the transport's timing decisions on a manual clock.
// Real HTTP behaviour (faults, bodies, statuses) is covered against the emulator in integration/.
function scripted(answers: Array<() => Response>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), init })
    const next = answers.shift()
    if (!next) throw new Error('no scripted answer left')
    return next()
  }
  return { fetch, calls }
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

function setup(answers: Array<() => Response>) {
  const clock = createManualClock(1_000_000)
  const limiter = new RateLimiter(undefined, clock)
  const { fetch, calls } = scripted(answers)
  const delays: number[] = []
  const send = createTransport({
    apiHost: 'https://us.posthog.com',
    personalApiKey: 'phx_test',
    fetch,
    clock,
    limiter,
    retry: resolveRetryOptions({ attempts: 4, maxElapsedMs: 120_000, baseDelayMs: 500, maxDelayMs: 8000 }),
    timeoutMs: 65_000,
    userAgent: 'test-agent',
    random: () => 0.5,
    onRetry: ({ delayMs }) => delays.push(delayMs),
  })
  return { clock, limiter, calls, delays, send }
}

const request: TransportRequest = { method: 'POST', path: '/api/projects/1/query/', body: { q: 1 }, purpose: 'query' }

describe('createTransport', () => {
  it('sends auth, JSON and the user agent, and never follows redirects', async () => {
    const { send, calls } = setup([json(200, { ok: true })])
    const answer = await send(request)
    expect(answer).toMatchObject({ data: { ok: true }, status: 200 })
    const headers = calls[0]!.init!.headers as Record<string, string>
    expect(headers).toMatchObject({
      Authorization: 'Bearer phx_test',
      'Content-Type': 'application/json',
      'User-Agent': 'test-agent',
    })
    expect(calls[0]!.init!.redirect).toBe('manual')
    expect(calls[0]!.init!.body).toBe('{"q":1}')
  })

  it('refuses a redirect instead of carrying the key to its target', async () => {
    const { send } = setup([
      () => new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } }),
    ])
    const answer = await send(request)
    expect(isFailure(answer) && answer.error).toMatchObject({ code: 'invalid_request', status: 302 })
    expect(isFailure(answer) && answer.error.message).toContain('https://elsewhere.example/')
  })

  it('waits out a 429 on the clock, pausing the key, then succeeds', async () => {
    const throttled = {
      type: 'throttled_error',
      code: 'throttled',
      detail: 'Request was throttled. Expected available in 37 seconds.',
      attr: null,
    }
    const { send, clock, limiter, delays, calls } = setup([json(429, throttled), json(200, { ok: 1 })])
    const pending = send(request)
    await clock.advance(0)
    expect(calls).toHaveLength(1)
    expect(limiter.state().pausedUntil).toBe(1_037_000)
    await clock.advance(37_000)
    expect(calls).toHaveLength(1)
    await clock.advance(125)
    expect(await pending).toMatchObject({ data: { ok: 1 } })
    expect(delays).toEqual([37_125])
  })

  it("pauses the key before giving back the 429's slot, so no request of the key starts in between", async () => {
    const throttled = {
      type: 'throttled_error',
      code: 'throttled',
      detail: 'Request was throttled. Expected available in 5 seconds.',
      attr: null,
    }
    const { send, clock, limiter } = setup([json(429, throttled), json(200, { ok: 1 })])
    // A limiter shared by processes writes both; the order they are made in is the order another process sees.
    const events: string[] = []
    const acquire = limiter.acquire.bind(limiter)
    const pause = limiter.pause.bind(limiter)
    limiter.acquire = async (signal) => {
      const release = await acquire(signal)
      return () => {
        events.push('release')
        release()
      }
    }
    limiter.pause = (ms) => {
      events.push('pause')
      pause(ms)
    }
    const pending = send(request)
    await clock.runAll()
    expect(await pending).toMatchObject({ data: { ok: 1 } })
    expect(events).toEqual(['pause', 'release', 'release'])
  })

  it('backs off exponentially (full jitter) on 503 and stops after the attempt limit', async () => {
    const busy = { type: 'server_error', code: 'error', detail: 'Queries are a little too busy right now.', attr: null }
    const { send, clock, delays } = setup([json(503, busy), json(503, busy), json(503, busy), json(503, busy)])
    const pending = send(request)
    await clock.runAll()
    const answer = await pending
    expect(isFailure(answer) && answer.error).toMatchObject({ code: 'server', status: 503, attempts: 4 })
    expect(delays).toEqual([250, 500, 1000])
  })

  it('honours Retry-After on 503 database_unavailable', async () => {
    const down = { type: 'server_error', code: 'database_unavailable', detail: 'Database unavailable', attr: null }
    const { send, clock, delays } = setup([json(503, down, { 'Retry-After': '3' }), json(200, {})])
    const pending = send(request)
    await clock.runAll()
    await pending
    expect(delays).toEqual([3000])
  })

  it('times out on the injected clock and does not retry its own timeout', async () => {
    const clock = createManualClock()
    let calls = 0
    const hanging: typeof fetch = (_input, init) => {
      calls++
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )
    }
    const send = createTransport({
      apiHost: 'https://us.posthog.com',
      personalApiKey: 'phx_test',
      fetch: hanging,
      clock,
      limiter: new RateLimiter(undefined, clock),
      retry: resolveRetryOptions(undefined),
      timeoutMs: 5000,
      userAgent: undefined,
      random: () => 0.5,
      onRetry: undefined,
    })
    const pending = send(request)
    await clock.advance(5000)
    const answer = await pending
    expect(isFailure(answer) && answer.error).toMatchObject({ code: 'timeout', timeoutSource: 'client' })
    expect(calls).toBe(1)
  })

  it('answers an abort as aborted and frees the limiter slot', async () => {
    const { send, limiter } = setup([json(200, {})])
    const controller = new AbortController()
    controller.abort()
    const answer = await send({ ...request, signal: controller.signal })
    expect(isFailure(answer) && answer.error.code).toBe('aborted')
    expect(limiter.state().running).toBe(0)
  })
  // A fetch port that throws one of the kit's own errors has decided (the server's host guard refusing a redirect,
  // a private address or an oversized body): trying again would repeat the refused exchange, not recover from it.
  it('does not retry a refusal the fetch port throws as a kit error, before or during the body', async () => {
    const refusal = new StatisfyError('redirect_refused', 'https://us.posthog.com answered with a redirect.')
    const { send, calls, delays } = setup([
      () => {
        throw refusal
      },
      json(200, { ok: true }),
    ])
    const answer = await send(request)
    expect(isFailure(answer) && answer.error).toMatchObject({ code: 'network', cause: refusal })
    expect(calls).toHaveLength(1)
    expect(delays).toEqual([])

    const tooLarge = new StatisfyError('response_too_large', 'https://us.posthog.com sent more than 32 MiB.')
    const cut = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(tooLarge)
          },
        }),
        { status: 200 },
      )
    const body = setup([cut, json(200, { ok: true })])
    const second = await body.send(request)
    expect(isFailure(second) && second.error).toMatchObject({ code: 'invalid_response', cause: tooLarge })
    expect(body.calls).toHaveLength(1)
  })

  it('still retries a connection failure of the platform fetch', async () => {
    const { send, calls, clock } = setup([
      () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) })
      },
      json(200, { ok: true }),
    ])
    const pending = send(request)
    await clock.runAll()
    expect(await pending).toMatchObject({ data: { ok: true } })
    expect(calls).toHaveLength(2)
  })
})
