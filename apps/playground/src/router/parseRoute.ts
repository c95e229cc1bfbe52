/** The playground's pages. */
export type Route =
  | { page: 'settings' }
  | { page: 'accounts' }
  | { page: 'account'; accountId: string }
  | { page: 'run'; runId: string }
  | { page: 'not_found'; path: string }

/**
 * The page a location hash points to (`#/accounts/acc_1`). An empty hash is Settings: a first visit starts where
 * the connection is made.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/settings'
  const parts = path.split('/').slice(1)
  const decode = (part: string | undefined) => {
    try {
      return part ? decodeURIComponent(part) : ''
    } catch {
      return ''
    }
  }
  const [first, second, ...rest] = parts
  if (rest.length === 0) {
    if (first === 'settings' && second === undefined) return { page: 'settings' }
    if (first === 'accounts' && second === undefined) return { page: 'accounts' }
    if (first === 'accounts' && decode(second)) return { page: 'account', accountId: decode(second) }
    if (first === 'runs' && decode(second)) return { page: 'run', runId: decode(second) }
  }
  return { page: 'not_found', path }
}

/** The hash of a route, for links (`href={hrefOf({ page: 'account', accountId })}`). */
export function hrefOf(route: Exclude<Route, { page: 'not_found' }>): string {
  switch (route.page) {
    case 'settings':
      return '#/settings'
    case 'accounts':
      return '#/accounts'
    case 'account':
      return `#/accounts/${encodeURIComponent(route.accountId)}`
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`
    default:
      return route satisfies never
  }
}
