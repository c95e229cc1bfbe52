// Network errors (Node's, also inside the AggregateError it throws for a host with several addresses) and
// PostgreSQL's "not accepting connections yet" states: the server may be there in a moment.
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '57P01', // admin_shutdown
])

// What pg says, with no code, of a statement on a connection the server has just closed (a shutdown, a crash, a
// network cut), whatever the next connection finds.
const CONNECTION_LOST = new Set([
  'Connection terminated unexpectedly',
  'Client has encountered a connection error and is not queryable',
])

/** Whether an error says the database server cannot be reached right now (as opposed to refusing what we sent). */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown }
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true
  if (error instanceof Error && CONNECTION_LOST.has(error.message)) return true
  if (Array.isArray(errors) && errors.some(isDatabaseUnreachable)) return true
  // The migrator's error wraps the driver's.
  return cause !== undefined && isDatabaseUnreachable(cause)
}
