import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localServer } from '../../../test/server/localServer'
import { createGuardedFetch } from './createGuardedFetch'
import { createHostGuard } from './createHostGuard'

const guard = createHostGuard({ resolve: async () => ['34.120.0.10'] })

function streamOf(chunks: number, size: number) {
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) controller.close()
      else controller.enqueue(new Uint8Array(size))
    },
  })
}

describe('createGuardedFetch', () => {
  it('checks the host before fetching', async () => {
    let called = false
    const guarded = createGuardedFetch({
      guard,
      fetch: async () => {
        called = true
        return new Response('{}')
      },
    })
    await expect(guarded('https://10.0.0.1/api')).rejects.toMatchObject({ code: 'host_private_address' })
    expect(called).toBe(false)
  })

  it('asks for manual redirects and refuses them, naming only the target origin', async () => {
    let redirect: RequestRedirect | undefined
    const guarded = createGuardedFetch({
      guard,
      fetch: async (_input, init) => {
        redirect = init?.redirect
        return new Response(null, {
          status: 307,
          headers: { location: 'http://169.254.169.254/latest/meta-data?token=abc' },
        })
      },
    })
    const error = await guarded('https://us.posthog.com/api').catch((e: unknown) => e)
    expect(redirect).toBe('manual')
    expect(error).toMatchObject({ code: 'redirect_refused' })
    expect((error as Error).message).toContain('http://169.254.169.254')
    expect((error as Error).message).not.toContain('token=abc')
  })

  it('caps the body by Content-Length and by bytes actually streamed', async () => {
    const declared = createGuardedFetch({
      guard,
      maxResponseBytes: 1000,
      fetch: async () => new Response('x', { headers: { 'content-length': '5000' } }),
    })
    await expect(declared('https://us.posthog.com/')).rejects.toMatchObject({ code: 'response_too_large' })

    const streamed = createGuardedFetch({
      guard,
      maxResponseBytes: 1000,
      fetch: async () => new Response(streamOf(10, 400)),
    })
    const response = await streamed('https://us.posthog.com/')
    await expect(response.text()).rejects.toMatchObject({ code: 'response_too_large' })

    const small = createGuardedFetch({
      guard,
      maxResponseBytes: 1000,
      fetch: async () => new Response(streamOf(2, 400)),
    })
    expect((await (await small('https://us.posthog.com/')).arrayBuffer()).byteLength).toBe(800)
  })

  it('caps the time of the exchange', async () => {
    const guarded = createGuardedFetch({
      guard,
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    })
    await expect(guarded('https://us.posthog.com/')).rejects.toMatchObject({ code: 'response_timeout' })
  })

  it("lets the caller's abort through as an abort", async () => {
    const controller = new AbortController()
    const guarded = createGuardedFetch({
      guard,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
          controller.abort()
        }),
    })
    const error = await guarded('https://us.posthog.com/', { signal: controller.signal }).catch((e: unknown) => e)
    expect((error as Error).name).toBe('AbortError')
  })

  it("unlinks the caller's signal once the body is read, and not before", async () => {
    const caller = new AbortController()
    const given: AbortSignal[] = []
    const guarded = createGuardedFetch({
      guard,
      fetch: async (_input, init) => {
        if (init?.signal) given.push(init.signal)
        return new Response(streamOf(2, 10))
      },
    })
    await (await guarded('https://us.posthog.com/', { signal: caller.signal })).arrayBuffer()
    const pending = await guarded('https://us.posthog.com/', { signal: caller.signal })
    caller.abort(new Error('shutdown'))
    // A long-lived caller signal (a worker's shutdown signal) must not stay tied to finished requests...
    expect(given[0]?.aborted).toBe(false)
    // ...while a request whose body is still being read is cancelled by it.
    expect(given[1]?.aborted).toBe(true)
    await pending.body?.cancel()
  })
})

describe('createGuardedFetch on Node: the connection goes only to an address the guard accepted', () => {
  let internal: Awaited<ReturnType<typeof localServer>>
  beforeAll(async () => {
    // Stands in for an internal service (a metadata endpoint, an admin API): 127.0.0.1, not allow-listed.
    internal = await localServer((_req, res) => res.end('{"secret":true}'))
  })
  afterAll(() => internal.close())

  const port = () => new URL(internal.url).port
  const KEY = 'Bearer phx_tenant_key'

  /** A resolver that answers each call with the next entry (the last one repeats), counting calls. */
  function answering(...answers: string[][]) {
    const calls: string[] = []
    const resolve = async (hostname: string) => {
      calls.push(hostname)
      return answers[Math.min(calls.length, answers.length) - 1] ?? []
    }
    return { calls, resolve }
  }

  it('refuses a name that resolves public for the check and private for the connection (DNS rebinding)', async () => {
    const dns = answering(['34.120.0.10'], ['127.0.0.1'])
    const guarded = createGuardedFetch({ guard: createHostGuard({ allowHttp: true, resolve: dns.resolve }) })
    const error = await guarded(`http://rebind.test:${port()}/api/projects/`, {
      headers: { authorization: KEY },
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'HostGuardError', code: 'host_private_address' })
    expect((error as Error).message).toContain('127.0.0.1')
    expect(dns.calls).toEqual(['rebind.test', 'rebind.test'])
    expect(internal.seen).toHaveLength(0)
  })

  it('refuses the whole answer at connect time when any address in it is private', async () => {
    const dns = answering(['34.120.0.10'], ['34.120.0.10', '169.254.169.254'])
    const guarded = createGuardedFetch({ guard: createHostGuard({ allowHttp: true, resolve: dns.resolve }) })
    await expect(guarded(`http://rebind.test:${port()}/`)).rejects.toMatchObject({ code: 'host_private_address' })
    expect(internal.seen).toHaveLength(0)
  })

  it('connects allow-listed hosts by address, CIDR, name and IP literal, through the same lookup', async () => {
    const cases: [string, string[]][] = [
      [`http://posthog.internal.test:${port()}/a`, ['127.0.0.1']],
      [`http://posthog.internal.test:${port()}/b`, ['127.0.0.0/8']],
      [`http://posthog.internal.test:${port()}/c`, ['posthog.internal.test']],
      [`http://127.0.0.1:${port()}/d`, ['127.0.0.1']],
    ]
    for (const [url, allowHosts] of cases) {
      // posthog.internal.test exists only in this resolver: reaching the server proves the connection used it.
      const dns = answering(['127.0.0.1'])
      const guarded = createGuardedFetch({
        guard: createHostGuard({ allowHttp: true, allowHosts, resolve: dns.resolve }),
      })
      const response = await guarded(url, { headers: { authorization: KEY } })
      expect(await response.json()).toEqual({ secret: true })
    }
    expect(internal.seen.map((request) => request.url)).toEqual(['/a', '/b', '/c', '/d'])
    expect(internal.seen.every((request) => request.authorization === KEY)).toBe(true)
  })
})
