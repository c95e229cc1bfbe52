import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../limits/Clock'
import { type Emulator, startEmulator } from './startEmulator'

// TV12 (throttle), TV13 (concurrency), TV15 (async) and fault injection, with a fake clock and low limits.
let emu: Emulator
let now = Date.parse('2026-11-01T12:00:00Z')
const clock: Clock = { now: () => now }

beforeAll(async () => {
  emu = await startEmulator({
    size: 20_000,
    endDate: '2026-11-01',
    clock,
    rateLimits: { burstPerMinute: 3, sustainedPerHour: 100, concurrentQueries: 1, concurrencyWaitMs: 100 },
  })
}, 120_000)
afterAll(async () => {
  await emu?.close()
})

const post = (body: unknown, key: string = emu.keys.full, init: RequestInit = {}) =>
  fetch(`${emu.url}/api/projects/${emu.projectId}/query/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...init,
  })
const select = (query: string) => ({ query: { kind: 'HogQLQuery', query } })

describe('rate limits', () => {
  it('TV12: throttles per key with the wait in the text and no Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await post(select('select 1'), emu.keys.queryOnly)).status).toBe(200)
    now += 23_000
    const res = await post(select('select 1'), emu.keys.queryOnly)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBeNull()
    expect(await res.json()).toEqual({
      type: 'throttled_error',
      code: 'throttled',
      detail: 'Request was throttled. Expected available in 37 seconds.',
      attr: null,
    })
    now += 37_000
    expect((await post(select('select 1'), emu.keys.queryOnly)).status).toBe(200)
  })

  it('TV13: a fourth concurrent query waits for a slot, then gets the concurrency 429', async () => {
    emu.faults.add({ kind: 'delay', delayMs: 400, route: '/query' })
    const slow = post(select('select 1'), emu.keys.projectSecret)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const blocked = await post(select('select 1'), emu.keys.projectSecret)
    expect(blocked.status).toBe(429)
    expect(await blocked.json()).toEqual({
      type: 'throttled_error',
      code: 'throttled',
      detail: 'Too many queries are running right now — please try again in a moment.',
      attr: null,
    })
    expect((await slow).status).toBe(200)
  })
})

describe('TV15: async queries', () => {
  const statusPath = (id: string) => `${emu.url}/api/projects/${emu.projectId}/query/${id}/`
  const get = (id: string, method = 'GET') =>
    fetch(statusPath(id), { method, headers: { Authorization: `Bearer ${emu.keys.projectSecret}` } })

  async function poll(id: string): Promise<Response> {
    for (;;) {
      const res = await get(id)
      if (res.status !== 202) return res
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  it('answers 202, then 200 with the result, then 404 after the status expires', async () => {
    const started = await post(
      { ...select('select count() from events'), refresh: 'async', client_query_id: 'sync-a' },
      emu.keys.projectSecret,
    )
    expect(started.status).toBe(202)
    const body = (await started.json()) as { query_status: Record<string, unknown> }
    expect(Object.keys(body)).toEqual(['query_status'])
    expect(body.query_status).toMatchObject({
      id: 'sync-a',
      team_id: 12345,
      query_async: true,
      complete: false,
      error: false,
      error_message: null,
      results: null,
    })
    const done = await poll('sync-a')
    expect(done.status).toBe(200)
    const status = ((await done.json()) as { query_status: Record<string, unknown> }).query_status
    expect(status).toMatchObject({
      complete: true,
      error: false,
      results: { results: [[20_000]], columns: ['count()'], types: [['count()', 'UInt64']] },
    })
    expect(Date.parse(String(status.expiration_time)) - Date.parse(String(status.end_time))).toBe(600_000)
    now += 601_000
    const gone = await get('sync-a')
    expect(gone.status).toBe(404)
    expect(await gone.json()).toEqual({
      type: 'invalid_request',
      code: 'not_found',
      detail: 'Query sync-a not found for team 12345',
      attr: null,
    })
  })

  it('answers 202 with the same shape while the query runs', async () => {
    emu.faults.add({ kind: 'delay', delayMs: 300, route: '/query' })
    await post({ ...select('select 1'), refresh: 'async', client_query_id: 'sync-running' }, emu.keys.projectSecret)
    const running = await get('sync-running')
    expect(running.status).toBe(202)
    const status = ((await running.json()) as { query_status: Record<string, unknown> }).query_status
    expect(status).toMatchObject({
      id: 'sync-running',
      complete: false,
      error: false,
      results: null,
      end_time: null,
      expiration_time: null,
    })
    expect(status.pickup_time).toEqual(expect.stringMatching(/Z$/))
    expect((await poll('sync-running')).status).toBe(200)
  })

  it('reports a user error as 400 with the message', async () => {
    await post(
      { ...select('select nope from events'), refresh: 'force_async', client_query_id: 'sync-b' },
      emu.keys.projectSecret,
    )
    const res = await poll('sync-b')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { query_status: unknown }).query_status).toMatchObject({
      complete: true,
      error: true,
      error_message: 'Unable to resolve field: nope',
      results: null,
    })
  })

  it('cancels with DELETE', async () => {
    emu.faults.add({ kind: 'delay', delayMs: 300, route: '/query' })
    await post({ ...select('select 1'), refresh: 'async', client_query_id: 'sync-c' }, emu.keys.projectSecret)
    const cancelled = await get('sync-c', 'DELETE')
    expect(cancelled.status).toBe(200)
    expect(await cancelled.json()).toEqual({ message: 'Cancelled query on clickhouse' })
    expect((await get('sync-c')).status).toBe(404)
  })
})

describe('fault injection', () => {
  it('answers 500, 503 and 429-with-wait for the next N matching requests, then recovers', async () => {
    emu.faults.add({ kind: 'server_error', count: 1, route: '/query' })
    emu.faults.add({ kind: 'unavailable', count: 1, route: '/query' })
    emu.faults.add({ kind: 'throttle', waitSeconds: 1, route: '/query' })
    expect((await post(select('select 1'), emu.keys.projectSecret)).status).toBe(500)
    expect((await post(select('select 1'), emu.keys.projectSecret)).status).toBe(503)
    const throttled = await post(select('select 1'), emu.keys.projectSecret)
    expect(await throttled.json()).toMatchObject({ detail: 'Request was throttled. Expected available in 1 second.' })
    expect((await post(select('select 1'), emu.keys.projectSecret)).status).toBe(200)
  })

  it('throttles only the key a rule names, as PostHog throttles per personal API key', async () => {
    emu.faults.add({ kind: 'throttle', waitSeconds: 4, route: '/query', key: emu.keys.full })
    expect((await post(select('select 1'), emu.keys.projectSecret)).status).toBe(200)
    const throttled = await post(select('select 1'), emu.keys.full)
    expect(throttled.status).toBe(429)
    expect(await throttled.json()).toMatchObject({ detail: 'Request was throttled. Expected available in 4 seconds.' })
    expect(emu.faults.list()).toEqual([])
  })

  it('logs every request with its key and status, and the most of a key in the emulator at once', async () => {
    emu.requests.clear()
    // One concurrency slot here: the second request waits for it (100 ms), then gets the concurrency 429. Both were
    // in the emulator at once, which is what a client's own limiter must prevent.
    emu.faults.add({ kind: 'delay', delayMs: 300, route: '/query' })
    const slow = post(select('select 1'), emu.keys.projectSecret)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await post(select('select 1'), emu.keys.projectSecret)).status).toBe(429)
    expect((await slow).status).toBe(200)
    expect((await post(select('select 1'), emu.keys.revoked)).status).toBe(401)
    expect(emu.requests.peakConcurrency(emu.keys.projectSecret)).toBe(2)
    expect(emu.requests.peakConcurrency(emu.keys.revoked)).toBe(1)
    expect(emu.requests.list(emu.keys.projectSecret).map((r) => r.status)).toEqual([200, 429])
    expect(emu.requests.list().map((r) => [r.method, r.path, r.key])).toEqual([
      ['POST', `/api/projects/${emu.projectId}/query/`, emu.keys.projectSecret],
      ['POST', `/api/projects/${emu.projectId}/query/`, emu.keys.projectSecret],
      ['POST', `/api/projects/${emu.projectId}/query/`, emu.keys.revoked],
    ])
    emu.requests.clear()
    expect(emu.requests.list()).toEqual([])
    expect(emu.requests.peakConcurrency(emu.keys.projectSecret)).toBe(0)
  })

  it('cuts the body mid-stream', async () => {
    emu.faults.add({ kind: 'cut_body' })
    const res = await post(select('select 1'), emu.keys.projectSecret)
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow()
  })

  it('sends malformed JSON', async () => {
    emu.faults.add({ kind: 'malformed_json' })
    const res = await post(select('select 1'), emu.keys.projectSecret)
    expect(res.status).toBe(200)
    await expect(res.json()).rejects.toThrow()
  })

  it('hangs until the client gives up', async () => {
    emu.faults.add({ kind: 'hang', delayMs: 60_000 })
    const started = Date.now()
    await expect(
      post(select('select 1'), emu.keys.projectSecret, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('is settable and resettable through POST/DELETE /_emulator/faults', async () => {
    const set = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'server_error', count: 5 }),
    })
    expect(set.status).toBe(201)
    expect(emu.faults.list()).toHaveLength(1)
    const bad = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'explode' }),
    })
    expect(bad.status).toBe(400)
    await fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE' })
    expect(emu.faults.list()).toEqual([])
    expect((await post(select('select 1'), emu.keys.projectSecret)).status).toBe(200)
  })
})
