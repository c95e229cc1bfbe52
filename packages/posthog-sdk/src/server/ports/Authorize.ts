/** Who is asking: the tenant every store call is scoped to. */
export interface TenantContext {
  /** The tenant (Statisfy organisation) whose connection, queries and runs the request may touch. */
  tenantId: string
}

/** A refusal from `authorize`: `unauthorized` (no valid session, 401) or `forbidden` (not allowed, 403). */
export interface AuthorizeRejection {
  reject: 'unauthorized' | 'forbidden'
  /** Shown to the user; keep it free of internals. */
  message?: string
}

/**
 * The host's authentication and authorisation, run first on every request. Return the tenant, or a rejection;
 * a thrown error is answered 401 and logged.
 *
 * @example
 * authorize: async (request) => {
 *   const session = await sessions.fromCookie(request.headers.get('cookie'))
 *   if (!session) return { reject: 'unauthorized' }
 *   if (!session.can('manage_integrations')) return { reject: 'forbidden', message: 'Ask an admin to connect PostHog.' }
 *   return { tenantId: session.orgId }
 * }
 */
export type Authorize = (
  request: Request,
) => TenantContext | AuthorizeRejection | Promise<TenantContext | AuthorizeRejection>
