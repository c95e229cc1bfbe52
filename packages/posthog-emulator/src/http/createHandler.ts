import { DEMO_KEYS } from '../auth/demoKeys'
import { PROJECTS } from '../emulator/projects'
import { type FaultRule, faultSpecSchema } from '../faults/FaultInjector'
import { ApiError, concurrencyLimited, notFound, queryTimeout, throttled } from './ApiError'
import type { EmulatorContext } from './EmulatorContext'
import { errorResponse, jsonResponse } from './jsonResponse'
import { readJsonBody } from './readJsonBody'
import { getProject, listProjects } from './routes/projectRoute'
import { checkAuthForAsync, deleteQuery, getQueryStatus, postQuery } from './routes/queryRoute'
import { getCurrentKey, getMe } from './routes/userRoutes'

/** A Fetch-style request handler: `Request` in, `Response` out. Usable with any server that speaks Fetch. */
export type FetchHandler = (request: Request) => Promise<Response>

// `/api/projects/...` and `/api/environments/...` answer alike (PostHog rewrites environments to projects).
const PROJECT_ROUTE = /^\/api\/(?:projects|environments)\/([^/]+)(?:\/(.*?))?\/?$/
const QUERY_KINDS = /^[A-Z][A-Za-z]*(Query|Metadata)$/

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-PostHog-Client',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
}

/**
 * Builds the emulator's request handler: PostHog's routes, its error bodies, the injected faults, and the admin
 * routes under `/_emulator/` (no auth): `GET/POST/DELETE /_emulator/faults`, `GET /_emulator/info`.
 */
export function createHandler(context: EmulatorContext): FetchHandler {
  return async (request) => {
    const path = new URL(request.url).pathname
    const logged = path.startsWith('/api/')
      ? context.requests.start(request.method, path, bearerOf(request), context.clock.now())
      : null
    const response = await handle(context, request)
    logged?.(response.status, context.clock.now())
    if (!context.cors) return response
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value)
    return response
  }
}

async function handle(context: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url)
  const path = url.pathname
  if (request.method === 'OPTIONS' && context.cors) return new Response(null, { status: 204 })
  try {
    if (path.startsWith('/_emulator/')) return await admin(context, request, path)
    let delayMs = 0
    if (path.startsWith('/api/')) {
      const fault = context.faults.take(request.method, path, bearerOf(request))
      if (fault !== null) {
        if (fault.kind !== 'delay') return await faultResponse(fault, request)
        delayMs = fault.delayMs ?? 1000
        if (!/\/query\/?/.test(path)) await sleep(delayMs, request.signal)
      }
    }
    return await route(context, request, url, delayMs)
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error)
    console.error('[posthog-emulator] unexpected error', error)
    return errorResponse(new ApiError(500, 'server_error', 'error', 'A server error occurred.'))
  }
}

async function route(context: EmulatorContext, request: Request, url: URL, delayMs: number): Promise<Response> {
  const path = url.pathname
  const method = request.method
  const project = PROJECT_ROUTE.exec(path)
  if (project !== null) {
    const id = decodeURIComponent(project[1]!)
    const rest = (project[2] ?? '').split('/').filter((part) => part !== '')
    if (rest.length === 0) return method === 'GET' ? getProject(context, request, url, id) : notAllowed(method)
    if (rest[0] !== 'query') throw notFound()
    if (rest.length === 1)
      return method === 'POST' ? postQuery(context, request, url, id, null, delayMs) : notAllowed(method)
    const second = decodeURIComponent(rest[1]!)
    if (rest.length === 2 && second === 'check_auth_for_async') {
      return method === 'POST' ? checkAuthForAsync(context, request, url, id) : notAllowed(method)
    }
    if (rest.length === 2 && method === 'POST' && QUERY_KINDS.test(second))
      return postQuery(context, request, url, id, second, delayMs)
    if (rest.length === 2 && method === 'GET') return getQueryStatus(context, request, url, id, second)
    if (rest.length === 2 && method === 'DELETE') return deleteQuery(context, request, url, id, second)
    if (rest.length === 2) return notAllowed(method)
    throw notFound()
  }
  if (/^\/api\/(?:projects|environments)\/?$/.test(path))
    return method === 'GET' ? listProjects(context, request, url) : notAllowed(method)
  const userMe = /^\/api\/users\/@me\/?$/.test(path)
  if (userMe) return method === 'GET' ? getMe(context, request, url) : notAllowed(method)
  const key = /^\/api\/personal_api_keys\/([^/]+)\/?$/.exec(path)
  if (key !== null)
    return method === 'GET' ? getCurrentKey(context, request, url, decodeURIComponent(key[1]!)) : notAllowed(method)
  throw notFound()
}

/** The request's `Authorization: Bearer` value, which fault rules and the request log are keyed by. */
function bearerOf(request: Request): string | null {
  return /^bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null
}

function notAllowed(method: string): Response {
  return errorResponse(new ApiError(405, 'invalid_request', 'method_not_allowed', `Method "${method}" not allowed.`))
}

async function admin(context: EmulatorContext, request: Request, path: string): Promise<Response> {
  if (/^\/_emulator\/faults\/?$/.test(path)) {
    if (request.method === 'GET') return jsonResponse(200, { faults: context.faults.list() })
    if (request.method === 'DELETE') {
      context.faults.reset()
      return jsonResponse(200, { faults: [] })
    }
    if (request.method === 'POST') {
      const body = await readJsonBody(request)
      const specs = Array.isArray(body) ? body : [body]
      const parsed = specs.map((spec) => faultSpecSchema.safeParse(spec))
      const failure = parsed.find((result) => !result.success)
      if (failure !== undefined && !failure.success) {
        const issue = failure.error.issues[0]
        const detail = `Invalid fault: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}. Send {"kind": "throttle" | "concurrency" | "server_error" | "unavailable" | "timeout" | "hang" | "cut_body" | "malformed_json" | "delay", "count"?, "route"?, "method"?, "waitSeconds"?, "delayMs"?}.`
        throw new ApiError(400, 'validation_error', 'invalid_input', detail)
      }
      for (const result of parsed) if (result.success) context.faults.add(result.data)
      return jsonResponse(201, { faults: context.faults.list() })
    }
    return notAllowed(request.method)
  }
  if (/^\/_emulator\/info\/?$/.test(path) && request.method === 'GET') {
    return jsonResponse(200, { url: context.siteUrl, projects: PROJECTS, keys: DEMO_KEYS })
  }
  throw notFound()
}

async function faultResponse(fault: FaultRule, request: Request): Promise<Response> {
  switch (fault.kind) {
    case 'throttle':
      return errorResponse(throttled(fault.waitSeconds))
    case 'concurrency':
      return errorResponse(concurrencyLimited())
    case 'server_error':
      return errorResponse(new ApiError(500, 'server_error', 'error', 'A server error occurred.'))
    case 'unavailable':
      return errorResponse(
        new ApiError(
          503,
          'server_error',
          'error',
          'Queries are a little too busy right now. We are working to resolve it. Please try again later.',
        ),
      )
    case 'timeout':
      return errorResponse(queryTimeout())
    case 'hang':
      await sleep(fault.delayMs ?? 120_000, request.signal)
      return hangUp()
    case 'cut_body': {
      const text = JSON.stringify({
        results: [[1, 'cut']],
        columns: ['n', 'text'],
        types: [
          ['n', 'UInt8'],
          ['text', 'String'],
        ],
        padding: 'x'.repeat(256),
      })
      const half = new TextEncoder().encode(text.slice(0, Math.floor(text.length / 2)))
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half)
          setTimeout(() => controller.error(new Error('emulator fault: body cut')), 10)
        },
      })
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(text.length) },
      })
    }
    case 'malformed_json':
      return new Response('{"results": [[1, "broken"], ], "columns": ["n"', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    case 'delay':
      return errorResponse(new ApiError(500, 'server_error', 'error', 'A server error occurred.'))
    default:
      return fault.kind satisfies never
  }
}

/** A response whose body fails at once: the Node adapter destroys the socket without answering. */
function hangUp(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.error(new Error('emulator fault: hang'))
    },
  })
  return new Response(body, { status: 504 })
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}
