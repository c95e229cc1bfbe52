import { describe, expect, it, vi } from 'vitest'
import { createImportedDataClient } from './createImportedDataClient'
import { isImportedDataError } from './ImportedDataError'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const point = (n: number) => ({
  metric: 'logins',
  timestamp: new Date(n * 1000).toISOString(),
  timestampMs: n * 1000,
  value: n,
  queryId: 'q',
  runId: `run_${n % 2}`,
})
const run = (id: string) => ({
  id,
  queryId: 'q',
  queryName: 'Daily',
  type: 'product_usage',
  status: 'succeeded',
  trigger: 'manual',
  startedAt: '2026-06-01T00:00:00Z',
  finishedAt: '2026-06-01T00:00:01Z',
})

describe('createImportedDataClient', () => {
  it('calls the routes under the base URL with their parameters, encoding the account id', async () => {
    const fetch = vi.fn(async (_url: string) => json(200, { usage: [], runs: {}, nextCursor: null }))
    const client = createImportedDataClient({ baseUrl: '/worker/imported/', fetch: fetch as typeof globalThis.fetch })
    await client.usage('acc/1 x', { metric: 'logins', from: '2026-06-01T00:00:00Z', limit: 10 })
    expect(fetch.mock.calls[0]?.[0]).toBe(
      '/worker/imported/accounts/acc%2F1%20x/usage?metric=logins&from=2026-06-01T00%3A00%3A00Z&limit=10',
    )
  })

  it('turns the worker’s error body into an ImportedDataError with its code, message and status', async () => {
    const client = createImportedDataClient({
      fetch: async () =>
        json(404, { error: { code: 'account_not_found', message: "No account 'x' in the directory." } }),
    })
    const error = await client.account('x').catch((e: unknown) => e)
    expect(isImportedDataError(error, 'account_not_found')).toBe(true)
    expect(error).toMatchObject({ status: 404, message: "No account 'x' in the directory." })
  })

  it('says when the worker cannot be reached, and when the answer is not the API’s', async () => {
    const down = createImportedDataClient({
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    await expect(down.summary()).rejects.toMatchObject({ code: 'network_error', status: 0 })
    const html = createImportedDataClient({
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    })
    await expect(html.summary()).rejects.toMatchObject({ code: 'bad_response', status: 502 })
    const wrong = createImportedDataClient({ fetch: async () => json(200, { totals: { accounts: 'many' } }) })
    await expect(wrong.summary()).rejects.toMatchObject({ code: 'bad_response' })
  })

  it('passes an abort through untouched, so TanStack Query sees a cancellation', async () => {
    const controller = new AbortController()
    const client = createImportedDataClient({
      fetch: async (_url, init) => {
        controller.abort()
        throw init?.signal?.reason ?? new Error('aborted')
      },
    })
    const error = await client.summary({ signal: controller.signal }).catch((e: unknown) => e)
    expect(isImportedDataError(error)).toBe(false)
  })

  it('follows usage cursors to the end, merging the runs of every page', async () => {
    const pages = [
      { usage: [point(1), point(2)], runs: { run_1: run('run_1') }, nextCursor: 'c1' },
      { usage: [point(3)], runs: { run_0: run('run_0') }, nextCursor: null },
    ]
    const urls: string[] = []
    const client = createImportedDataClient({
      fetch: async (url) => {
        urls.push(String(url))
        return json(200, pages[urls.length - 1])
      },
    })
    const all = await client.allUsage('acc_1')
    expect(all.usage.map((p) => p.value)).toEqual([1, 2, 3])
    expect(Object.keys(all.runs).sort()).toEqual(['run_0', 'run_1'])
    expect(all.truncated).toBe(false)
    expect(urls[1]).toContain('cursor=c1')
  })

  it('stops at maxPoints and says the series is truncated', async () => {
    const urls: string[] = []
    const client = createImportedDataClient({
      fetch: async (url) => {
        urls.push(String(url))
        const limit = Number(new URL(String(url), 'http://x').searchParams.get('limit'))
        return json(200, { usage: Array.from({ length: limit }, (_, i) => point(i)), runs: {}, nextCursor: 'more' })
      },
    })
    const all = await client.allUsage('acc_1', { maxPoints: 15_000 })
    expect(all).toMatchObject({ truncated: true })
    expect(all.usage).toHaveLength(15_000)
    // 10,000 (the route's maximum), then only the 5,000 still allowed.
    expect(urls.map((u) => new URL(u, 'http://x').searchParams.get('limit'))).toEqual(['10000', '5000'])
  })
})
