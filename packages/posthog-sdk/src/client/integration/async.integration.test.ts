import { describe, expect, it } from 'vitest'
import { caught, clientOf, useEmulator } from './emulatorFixture'

// The emulator's clock runs ahead when told to, to expire async statuses (PostHog keeps them 10 minutes).
let skewMs = 0
const emulator = useEmulator({ clock: { now: () => Date.now() + skewMs } })

async function statusOf(id: string): Promise<number> {
  const e = emulator()
  const response = await fetch(`${e.url}/api/projects/${e.projectId}/query/${id}/`, {
    headers: { Authorization: `Bearer ${e.keys.full}` },
  })
  await response.body?.cancel()
  return response.status
}

describe('async mode (TV15)', () => {
  it('submits with refresh async, polls until complete, and returns the result', async () => {
    const requests: string[] = []
    const recording: typeof fetch = (input, init) => {
      requests.push(`${init?.method} ${String(input).replace(emulator().url, '')} ${init?.body ?? ''}`)
      return fetch(input, init)
    }
    const client = clientOf(emulator(), { fetch: recording })
    emulator().faults.add({ kind: 'delay', delayMs: 700, route: '/query' })
    const result = await client.query<[number]>('select count() from events', {
      mode: 'async',
      clientQueryId: 'sync-a',
    })
    expect(result.results[0]![0]).toBeGreaterThan(0)
    expect(result.queryId).toBe('sync-a')
    expect(requests[0]).toMatch(/^POST \/api\/projects\/12345\/query\/ .*"refresh":"async".*"client_query_id":"sync-a"/)
    expect(requests.slice(1).every((r) => r.startsWith('GET /api/projects/12345/query/sync-a/'))).toBe(true)
    expect(requests.length).toBeGreaterThanOrEqual(3)
  })

  it('turns a failed async run into the HogQL error', async () => {
    const error = await caught(clientOf(emulator()).query('select nope from events', { mode: 'async' }))
    expect(error).toMatchObject({ code: 'hogql_resolution', detail: expect.stringContaining('nope') })
  })

  it('re-submits when the status expired before it was read (404)', async () => {
    let expired = false
    const expireFirstPoll: typeof fetch = async (input, init) => {
      const id = /\/query\/([^/]+)\/$/.exec(String(input))?.[1]
      if (init?.method === 'GET' && id && !expired) {
        expired = true
        while ((await statusOf(id)) === 202) await new Promise((r) => setTimeout(r, 20))
        skewMs += 11 * 60_000
      }
      return fetch(input, init)
    }
    const client = clientOf(emulator(), { fetch: expireFirstPoll })
    const result = await client.query<[number]>('select count() from events', {
      mode: 'async',
      clientQueryId: 'expiring',
    })
    expect(expired).toBe(true)
    expect(result.queryId).toBe('expiring-r1')
    expect(result.results[0]![0]).toBeGreaterThan(0)
  })

  it('cancels at PostHog with DELETE when aborted', async () => {
    const client = clientOf(emulator())
    emulator().faults.add({ kind: 'delay', delayMs: 5_000, route: '/query' })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 400)
    const started = Date.now()
    const error = await caught(
      client.query('select count() from events', {
        mode: 'async',
        clientQueryId: 'cancel-me',
        signal: controller.signal,
      }),
    )
    expect(error).toMatchObject({ code: 'aborted' })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await statusOf('cancel-me')).toBe(404)
  })

  it('gives up after asyncTimeoutMs and cancels', async () => {
    const client = clientOf(emulator())
    emulator().faults.add({ kind: 'delay', delayMs: 5_000, route: '/query' })
    const error = await caught(
      client.query('select 1', { mode: 'async', clientQueryId: 'too-long', asyncTimeoutMs: 600 }),
    )
    expect(error).toMatchObject({ code: 'timeout', timeoutSource: 'client' })
    expect(await statusOf('too-long')).toBe(404)
  })
  // A query left running at PostHog holds one of the organisation's 3 concurrent query slots for up to its time
  // limit, so every other query of the organisation (other tenants' syncs too) meets the concurrency 429.
  it('cancels at PostHog when polling fails for good', async () => {
    const pollsFail: typeof fetch = (input, init) => {
      if (init?.method === 'GET') return Promise.reject(new TypeError('fetch failed'))
      return fetch(input, init)
    }
    const client = clientOf(emulator(), { fetch: pollsFail })
    emulator().faults.add({ kind: 'delay', delayMs: 5_000, route: '/query' })
    const error = await caught(client.query('select 1', { mode: 'async', clientQueryId: 'poll-fails' }))
    expect(error).toMatchObject({ code: 'network' })
    expect(await statusOf('poll-fails')).toBe(404)
  })
})
