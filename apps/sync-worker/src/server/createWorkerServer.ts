import type { Authorize } from '@statisfy/posthog-sdk/server'
import { Hono } from 'hono'

/** Options of {@link createWorkerServer}. */
export interface WorkerServerOptions {
  /** The SDK's `createPostHogHandler(...)`, mounted at `basePath`. */
  handler: (request: Request) => Promise<Response>
  /** @default '/api/posthog' */
  basePath?: string
  /** Checks that the worker can serve: its database answers, its queue is reachable. Throws with what is wrong. */
  ready: () => Promise<void>
  /** Extra routes a host mounts beside the handler (the playground's imported-data API), behind `authorize`. */
  routes?: (app: Hono, authorize: Authorize) => void
  authorize: Authorize
}

/**
 * The worker's HTTP server (Hono): the SDK's handler behind the host's `authorize`, `/healthz` (the process is up)
 * and `/readyz` (its database and queue answer: take it out of a load balancer until they do).
 */
export function createWorkerServer(options: WorkerServerOptions): Hono {
  const basePath = options.basePath ?? '/api/posthog'
  const app = new Hono()
  app.get('/healthz', (c) => c.json({ ok: true }))
  app.get('/readyz', async (c) => {
    try {
      await options.ready()
      return c.json({ ok: true })
    } catch (error) {
      return c.json({ ok: false, error: error instanceof Error ? error.message : String(error) }, 503)
    }
  })
  app.all(`${basePath}/*`, (c) => options.handler(c.req.raw))
  options.routes?.(app, options.authorize)
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `No route ${c.req.method} ${new URL(c.req.url).pathname}; the API is under ${basePath}/.`,
        },
      },
      404,
    ),
  )
  return app
}

/**
 * `authorize` for local use: a bearer token per tenant (`sync-worker tenants token <id>` issues one). A host puts
 * its own session check here instead (see the README).
 */
export function bearerTokenAuthorize(findByToken: (token: string) => Promise<{ id: string } | null>): Authorize {
  return async (request) => {
    const header = request.headers.get('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match?.[1])
      return { reject: 'unauthorized', message: 'Send the tenant’s token as `Authorization: Bearer <token>`.' }
    const tenant = await findByToken(match[1])
    return tenant
      ? { tenantId: tenant.id }
      : {
          reject: 'unauthorized',
          message: 'The token is not one this worker issued; issue one with `sync-worker tenants token <tenant>`.',
        }
  }
}
