import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { toNodeHandler } from './toNodeHandler'

async function serve(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('toNodeHandler', () => {
  it('passes method, URL, headers and a streamed body, and writes status, headers and body back', async () => {
    const seen: { method: string; url: string; header: string | null; body: string }[] = []
    const node = toNodeHandler(async (request) => {
      seen.push({
        method: request.method,
        url: request.url,
        header: request.headers.get('x-one'),
        body: await request.text(),
      })
      return new Response('{"ok":true}', {
        status: 201,
        headers: { 'content-type': 'application/json', 'x-out': 'yes' },
      })
    })
    const server = await serve((req, res) => void node(req, res))
    try {
      const response = await fetch(`${server.url}/api/posthog/preview?x=1`, {
        method: 'POST',
        headers: { 'x-one': 'a', 'content-type': 'application/json' },
        body: '{"hogql":"select 1"}',
      })
      expect(response.status).toBe(201)
      expect(response.headers.get('x-out')).toBe('yes')
      expect(await response.json()).toEqual({ ok: true })
      expect(seen[0]).toEqual({
        method: 'POST',
        url: `${server.url}/api/posthog/preview?x=1`,
        header: 'a',
        body: '{"hogql":"select 1"}',
      })
    } finally {
      await server.close()
    }
  })

  it('re-sends a body a parser already consumed as JSON', async () => {
    let body = ''
    const node = toNodeHandler(async (request) => {
      body = await request.text()
      return new Response(null, { status: 204 })
    })
    const server = await serve((req, res) => {
      req.resume()
      req.on('end', () => {
        Object.assign(req, { body: { parsed: true } })
        void node(req, res)
      })
    })
    try {
      const response = await fetch(`${server.url}/x`, {
        method: 'PUT',
        body: 'ignored',
        headers: { 'content-type': 'application/json' },
      })
      expect(response.status).toBe(204)
      expect(body).toBe('{"parsed":true}')
    } finally {
      await server.close()
    }
  })
  // Node hands over requests the Fetch API refuses to build: a TRACE (forbidden method) or a Host header that is not
  // a host. The adapter's promise must not reject on them: Express 4 and node:http drop that promise, and an
  // unhandled rejection ends the Node process, so one crafted request would take the server down.
  it('answers 400 to a request the Fetch API cannot represent, without rejecting', async () => {
    let calls = 0
    const node = toNodeHandler(async () => {
      calls++
      return new Response(null, { status: 204 })
    })
    const outcomes: Array<'resolved' | unknown> = []
    const server = await serve((req, res) => {
      node(req, res).then(
        () => outcomes.push('resolved'),
        (error: unknown) => outcomes.push(error),
      )
    })
    const port = Number(new URL(server.url).port)
    const send = (method: string, host?: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method, path: '/api/posthog/connection', headers: host ? { host } : {} },
          (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => {
              body += chunk.toString()
            })
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          },
        )
        req.on('error', reject)
        req.end()
      })
    try {
      for (const [method, host] of [
        ['TRACE', undefined],
        ['GET', 'a b'],
      ] as const) {
        const answer = await send(method, host)
        expect(answer.status).toBe(400)
        expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_request' } })
      }
      expect(outcomes).toEqual(['resolved', 'resolved'])
      expect(calls).toBe(0)
    } finally {
      await server.close()
    }
  })
})
