/** A tenant's PostHog connection as persisted: the key itself lives in the {@link SecretStore}, only its hint here. */
export interface StoredConnection {
  /** Normalised origin, e.g. `https://eu.posthog.com`. */
  apiHost: string
  projectId: number
  /** `phx_…a1b2`: enough to recognise the key, useless to use it. */
  keyHint: string
  /** ISO-8601. */
  updatedAt: string
}

/** Where the host keeps each tenant's connection (one per tenant). */
export interface ConnectionStore {
  get(tenantId: string): Promise<StoredConnection | null>
  put(tenantId: string, connection: StoredConnection): Promise<void>
  /** Resolves `true` when there was a connection to delete. */
  delete(tenantId: string): Promise<boolean>
}
