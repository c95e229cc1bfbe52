import { describe, expect, it } from 'vitest'
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
})
