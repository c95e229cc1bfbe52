import { describe, expect, it } from 'vitest'
import type { PostHogClientError } from '../errors/PostHogClientError'
import { caught, clientOf, useEmulator } from './emulatorFixture'

const emulator = useEmulator()
const Q = 'select count() from events'

function retriesOf(errors: PostHogClientError[]) {
  return {
    onRetry: ({ error }: { error: PostHogClientError }) => {
      errors.push(error)
    },
  }
}

describe('injected faults end in a successful retry or the right typed error, within bounded time', () => {
  it('TV12: a 429 with a wait is waited out and retried', async () => {
    const seen: PostHogClientError[] = []
    const client = clientOf(emulator(), retriesOf(seen))
    emulator().faults.add({ kind: 'throttle', waitSeconds: 1, route: '/query' })
    const started = Date.now()
    const result = await client.query(Q)
    expect(result.results[0]![0]).toBeGreaterThan(0)
    expect(seen.map((e) => [e.code, e.retryAfterMs])).toEqual([['rate_limited', 1000]])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a 429 whose wait passes the time budget comes back at once with the wait', async () => {
    const client = clientOf(emulator(), { retry: { maxElapsedMs: 10_000 } })
    emulator().faults.add({ kind: 'throttle', waitSeconds: 3600, route: '/query' })
    const started = Date.now()
    const error = await caught(client.query(Q))
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 3_600_000, rateLimitKind: 'throttled' })
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('TV13: the concurrency 429 is retried', async () => {
    const seen: PostHogClientError[] = []
    const client = clientOf(emulator(), retriesOf(seen))
    emulator().faults.add({ kind: 'concurrency', route: '/query' })
    await client.query(Q)
    expect(seen.map((e) => e.rateLimitKind)).toEqual(['concurrency'])
  })

  it.each([
    ['server_error', 'server', 500],
    ['unavailable', 'server', 503],
    ['timeout', 'timeout', 504],
  ] as const)('%s is retried, then succeeds', async (kind, code, status) => {
    const seen: PostHogClientError[] = []
    const client = clientOf(emulator(), retriesOf(seen))
    emulator().faults.add({ kind, count: 2, route: '/query' })
    await client.query(Q)
    expect(seen.map((e) => [e.code, e.status])).toEqual([
      [code, status],
      [code, status],
    ])
  })

  it('TV14: a persistent 504 ends as PostHog timeout after the attempt limit', async () => {
    const client = clientOf(emulator())
    emulator().faults.add({ kind: 'timeout', count: 10, route: '/query' })
    const started = Date.now()
    const error = await caught(client.query(Q))
    expect(error).toMatchObject({ code: 'timeout', timeoutSource: 'posthog', status: 504, attempts: 4 })
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a hang ends in our own timeout, not retried', async () => {
    const client = clientOf(emulator(), { timeoutMs: 400 })
    emulator().faults.add({ kind: 'hang', route: '/query', delayMs: 10_000 })
    const started = Date.now()
    const error = await caught(client.query(Q))
    expect(error).toMatchObject({ code: 'timeout', timeoutSource: 'client' })
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('a cut body is retried; cut every time it ends as invalid_response', async () => {
    const seen: PostHogClientError[] = []
    const client = clientOf(emulator(), retriesOf(seen))
    emulator().faults.add({ kind: 'cut_body', route: '/query' })
    const result = await client.query(Q)
    expect(result.columns).toEqual(['count()'])
    expect(seen.map((e) => e.code)).toEqual(['invalid_response'])
    emulator().faults.add({ kind: 'cut_body', count: 10, route: '/query' })
    const error = await caught(client.query(Q))
    expect(error).toMatchObject({ code: 'invalid_response', attempts: 4 })
  })

  it('malformed JSON ends as invalid_response naming the body', async () => {
    const client = clientOf(emulator(), { retry: { attempts: 1 } })
    emulator().faults.add({ kind: 'malformed_json', route: '/query' })
    const error = await caught(client.query(Q))
    expect(error).toMatchObject({ code: 'invalid_response', field: '(body)', status: 200 })
  })

  it('an abort during a retry wait ends as aborted, promptly', async () => {
    const client = clientOf(emulator())
    emulator().faults.add({ kind: 'throttle', waitSeconds: 10, route: '/query' })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 200)
    const started = Date.now()
    const error = await caught(client.query(Q, { signal: controller.signal }))
    expect(error).toMatchObject({ code: 'aborted' })
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
