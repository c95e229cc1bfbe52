// Compiles and runs the code the README's "Host backend" section shows (test/examples/*).
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { app as expressApp } from './examples/express'
import { app as honoApp } from './examples/hono'
import * as nextRoute from './examples/next-app/api/posthog/[...path]/route'

const catalogRequest = (url: string) => new Request(url, { headers: { 'x-demo-tenant': 'acme' } })

describe('README host backend examples', () => {
  it('Hono serves the catalog and refuses a request without a session', async () => {
    const ok = await honoApp.fetch(catalogRequest('http://app.test/api/posthog/catalog'))
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ catalog: { resolvers: ['statisfy_id', 'email_domain', 'account_name'] } })
    expect((await honoApp.fetch(new Request('http://app.test/api/posthog/catalog'))).status).toBe(401)
  })

  it('Next.js route handlers answer per method', async () => {
    expect((await nextRoute.GET(catalogRequest('http://app.test/api/posthog/catalog'))).status).toBe(200)
    const preview = await nextRoute.POST(
      new Request('http://app.test/api/posthog/preview', {
        method: 'POST',
        headers: { 'x-demo-tenant': 'acme', 'content-type': 'application/json' },
        body: JSON.stringify({ limit: 5000 }),
      }),
    )
    expect(preview.status).toBe(400)
    expect((await preview.json()).error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'hogql',
      'limit',
    ])
    expect(nextRoute.runtime).toBe('nodejs')
  })

  it('Express (over real HTTP) streams bodies through the adapter', async () => {
    const server = expressApp.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/posthog`
    try {
      const catalog = await fetch(`${base}/catalog`, { headers: { 'x-demo-tenant': 'acme' } })
      expect(catalog.status).toBe(200)
      const bad = await fetch(`${base}/queries/q1`, {
        method: 'PUT',
        headers: { 'x-demo-tenant': 'acme', 'content-type': 'application/json' },
        body: JSON.stringify({ definition: { id: 'q1' } }),
      })
      expect(bad.status).toBe(400)
      expect((await bad.json()).error.issues).toEqual([
        { path: 'definition.type', message: expect.stringContaining('query type') },
      ])
      expect((await fetch(`${base}/nope`, { headers: { 'x-demo-tenant': 'acme' } })).status).toBe(404)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
