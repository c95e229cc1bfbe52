import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FetchHandler } from './createHandler'

/**
 * Adapts a {@link FetchHandler} to `node:http`. The request's `signal` aborts when the client goes away, so hanging
 * faults and queued queries stop; a body stream that fails before its first chunk closes the socket without an
 * answer, and one that fails later cuts the body mid-stream (both are injected faults).
 */
export function toNodeListener(handler: FetchHandler, origin: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    void respond(handler, origin(), req, res, controller).catch(() => res.destroy())
  }
}

async function respond(
  handler: FetchHandler,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
  controller: AbortController,
) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0
  const request = new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Buffer.concat(chunks), duplex: 'half' } : {}),
  } as RequestInit)
  const response = await handler(request)
  if (controller.signal.aborted) return
  const reader = response.body?.getReader()
  let first: ReadableStreamReadResult<Uint8Array> | null = null
  if (reader !== undefined) {
    try {
      first = await reader.read()
    } catch {
      res.destroy()
      return
    }
  }
  const outHeaders: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    outHeaders[name] = value
  })
  res.writeHead(response.status, outHeaders)
  if (reader === undefined || first === null) {
    res.end()
    return
  }
  try {
    let chunk = first
    while (!chunk.done) {
      res.write(chunk.value)
      chunk = await reader.read()
    }
    res.end()
  } catch {
    res.destroy()
  }
}
