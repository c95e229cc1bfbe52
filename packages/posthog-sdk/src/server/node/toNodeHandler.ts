import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError, ApiErrorCode } from '../../api/index'

/** A Node request as Express and `node:http` give it; Express's `originalUrl` keeps the mount path. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown; protocol?: string }

/**
 * Adapts a Fetch-API handler (such as `createPostHogHandler()`) to Node's `(req, res)` signature, for Express,
 * `node:http` and Connect-style servers. The request body is streamed through untouched; when a body parser ran
 * first (`express.json()`), its parsed `req.body` is sent on as JSON instead. Type-only Node imports: this file
 * loads in any runtime.
 *
 * @example
 * app.use('/api/posthog', toNodeHandler(createPostHogHandler(options)))
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (incoming, res) => {
    const req = incoming as NodeRequest
    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    const host = req.headers.host ?? 'localhost'
    const protocol = req.protocol ?? ('encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http')
    const url = `${protocol}://${host}${req.originalUrl ?? req.url ?? '/'}`
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    }
    const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers, signal: abort.signal }
    if (init.method !== 'GET' && init.method !== 'HEAD') {
      if (req.body !== undefined && req.readableEnded) {
        init.body = JSON.stringify(req.body)
        headers.delete('content-length')
      } else {
        const chunks = req[Symbol.asyncIterator]()
        init.body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { done, value } = await chunks.next()
            if (done) controller.close()
            else controller.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value))
          },
          cancel() {
            req.destroy()
          },
        })
        init.duplex = 'half'
      }
    }
    let request: Request
    try {
      request = new Request(url, init)
    } catch (cause) {
      // Node passes on what the Fetch API refuses (a TRACE, a Host header that is not a host). Answer it here: a
      // rejected promise would go unhandled under Express 4 and node:http, and that ends the Node process.
      req.resume()
      const message = `The request cannot be handled (${cause instanceof Error ? cause.message : String(cause)}).`
      res.statusCode = 400
      res.setHeader('content-type', 'application/json; charset=utf-8')
      res.setHeader('cache-control', 'no-store')
      res.end(JSON.stringify(new ApiError(ApiErrorCode.InvalidRequest, message, { status: 400 }).toBody()))
      return
    }
    const response = await handler(request)
    res.statusCode = response.status
    response.headers.forEach((value, name) => {
      res.setHeader(name, value)
    })
    res.end(new Uint8Array(await response.arrayBuffer()))
  }
}
