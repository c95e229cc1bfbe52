import { type ApiMethod, type ApiOperationName, apiOperations } from '../../api/index'

/** A request path matched to an operation. */
export type RouteMatch =
  | { kind: 'found'; name: ApiOperationName; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: ApiMethod[] }
  | { kind: 'not_found' }
  | { kind: 'bad_path'; message: string }

interface Pattern {
  name: ApiOperationName
  method: ApiMethod
  segments: string[]
}

// Longest patterns first, so `/queries/connection` is the query "connection", not the connection route on a tail.
const patterns: Pattern[] = (Object.keys(apiOperations) as ApiOperationName[])
  .map((name) => ({ name, method: apiOperations[name].method, segments: apiOperations[name].path.split('/').slice(1) }))
  .sort((a, b) => b.segments.length - a.segments.length)

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string
    const got = segments[i] as string
    if (want.startsWith(':')) {
      if (got === '') return undefined
      params[want.slice(1)] = got
    } else if (want !== got) return undefined
  }
  return params
}

/**
 * Matches `pathname` against the operation table. With `basePath` the path must start with it and the rest must be
 * a route; without it the route is matched on the path's tail, so the handler works wherever it is mounted.
 */
export function matchRoute(method: string, pathname: string, basePath: string | undefined): RouteMatch {
  let path = pathname
  if (basePath !== undefined) {
    const base = basePath.replace(/\/+$/, '')
    if (path !== base && !path.startsWith(`${base}/`)) return { kind: 'not_found' }
    path = path.slice(base.length)
  }
  let segments: string[]
  try {
    segments = path.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent)
  } catch {
    return { kind: 'bad_path', message: 'The path holds a malformed %-escape.' }
  }
  const allow = new Set<ApiMethod>()
  for (const pattern of patterns) {
    const tail = basePath === undefined ? segments.slice(-pattern.segments.length) : segments
    if (basePath === undefined && segments.length < pattern.segments.length) continue
    const params = matchSegments(pattern.segments, tail)
    if (!params) continue
    if (pattern.method === method) return { kind: 'found', name: pattern.name, params }
    allow.add(pattern.method)
  }
  return allow.size > 0 ? { kind: 'method_not_allowed', allow: [...allow] } : { kind: 'not_found' }
}
