/**
 * Where secrets (the tenants' PostHog keys) are kept: sealed in the host's own database
 * (`createSealingSecretStore`) or in a secret manager (`createGoogleSecretManagerStore`). Secrets are addressed by
 * tenant and name, so one tenant can never read another's.
 */
export interface SecretStore {
  put(tenantId: string, name: string, value: string): Promise<void>
  /** `null` when no such secret exists. */
  get(tenantId: string, name: string): Promise<string | null>
  /** Deleting a missing secret is not an error. */
  delete(tenantId: string, name: string): Promise<void>
}
