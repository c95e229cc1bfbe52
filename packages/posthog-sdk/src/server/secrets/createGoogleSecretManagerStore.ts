import type { SecretStore } from '../ports/SecretStore'
import { SecretStoreError, SecretStoreErrorCode } from './SecretStoreError'

/**
 * The part of `@google-cloud/secret-manager`'s `SecretManagerServiceClient` (v6) this adapter uses. The real client
 * satisfies it; tests pass a fake.
 */
export interface GoogleSecretManagerClientLike {
  createSecret(request: {
    parent: string
    secretId: string
    secret: { replication: { automatic: Record<string, never> }; labels?: Record<string, string> }
  }): Promise<unknown>
  addSecretVersion(request: { parent: string; payload: { data: Uint8Array } }): Promise<unknown>
  accessSecretVersion(request: {
    name: string
  }): Promise<readonly [{ payload?: { data?: Uint8Array | string | null } | null }, ...unknown[]]>
  listSecretVersions(request: {
    parent: string
    filter?: string
  }): Promise<readonly [readonly { name?: string | null }[], ...unknown[]]>
  disableSecretVersion(request: { name: string }): Promise<unknown>
  deleteSecret(request: { name: string }): Promise<unknown>
}

/** Options of {@link createGoogleSecretManagerStore}. */
export interface GoogleSecretManagerStoreOptions {
  /** `new SecretManagerServiceClient()` from `@google-cloud/secret-manager` (an optional peer dependency). */
  client: GoogleSecretManagerClientLike
  /** The Google Cloud project holding the secrets (id or number). */
  projectId: string
  /**
   * Prefix of every secret id this store creates, so its secrets are easy to find and to grant IAM on.
   * Letters, digits, `-` and `_`.
   * @default 'statisfy-posthog'
   */
  prefix?: string
}

// gRPC status codes: https://grpc.github.io/grpc/core/md_doc_statuscodes.html
const NOT_FOUND = 5
const ALREADY_EXISTS = 6
const FAILED_PRECONDITION = 9

const grpcCode = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined

/** The number of a version name (`projects/p/secrets/s/versions/3` → 3); versions are numbered in creation order. */
const versionNumber = (name: string | null | undefined) => Number(/\/versions\/(\d+)$/.exec(name ?? '')?.[1] ?? 0)

/**
 * A {@link SecretStore} over Google Cloud Secret Manager: one secret per (tenant, name), each `put` adds a version,
 * `get` reads `versions/latest`, `delete` deletes the secret with all its versions. Secret ids are the prefix plus
 * the base64url of `[tenantId, name]`, so every pair gets its own secret and ids stay within Secret Manager's alphabet.
 *
 * After adding a version, `put` disables every older enabled version, so a rotated-out PostHog key can no longer be
 * read from Secret Manager. Disabled, not destroyed: an operator can re-enable one (`gcloud secrets versions enable`)
 * to roll a rotation back, and decides when to destroy them (for example with the secret's version destroy TTL).
 * The newest enabled version is never disabled, so concurrent puts leave the latest readable. The service account
 * needs `roles/secretmanager.secretVersionManager` (add, list and disable versions) and
 * `roles/secretmanager.secretAccessor` (read), plus `secretmanager.secrets.create` and `.delete` for new and removed
 * tenants (`roles/secretmanager.admin` covers all).
 *
 * @example
 * import { SecretManagerServiceClient } from '@google-cloud/secret-manager'
 * const secrets = createGoogleSecretManagerStore({ client: new SecretManagerServiceClient(), projectId: 'statisfy-prod' })
 */
export function createGoogleSecretManagerStore(options: GoogleSecretManagerStoreOptions): SecretStore {
  const prefix = options.prefix ?? 'statisfy-posthog'
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(prefix)) {
    throw new SecretStoreError(
      SecretStoreErrorCode.InvalidKey,
      `Secret id prefix "${prefix}" may hold only letters, digits, "-" and "_".`,
    )
  }
  const { client } = options
  const parent = `projects/${options.projectId}`

  function secretName(tenantId: string, name: string): string {
    const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify([tenantId, name]))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    const secretId = `${prefix}_${encoded}`
    // Secret Manager caps secret ids at 255 characters.
    if (secretId.length > 255) {
      throw new SecretStoreError(
        SecretStoreErrorCode.InvalidKey,
        'The tenant id is too long to name a Secret Manager secret.',
      )
    }
    return `${parent}/secrets/${secretId}`
  }

  const failed = (what: string, cause: unknown) =>
    new SecretStoreError(
      SecretStoreErrorCode.BackendFailed,
      `Google Secret Manager could not ${what} (code ${String(grpcCode(cause) ?? 'unknown')}); check the service account's roles/secretmanager permissions.`,
      { cause },
    )

  async function disableOlderVersions(secret: string): Promise<void> {
    const [enabled] = await client.listSecretVersions({ parent: secret, filter: 'state:ENABLED' })
    const newest = Math.max(0, ...enabled.map((version) => versionNumber(version.name)))
    for (const version of enabled) {
      if (!version.name || versionNumber(version.name) >= newest) continue
      try {
        await client.disableSecretVersion({ name: version.name })
      } catch (error) {
        // Disabled or destroyed since the listing (by a concurrent put or an operator): it is not readable either way.
        const code = grpcCode(error)
        if (code !== NOT_FOUND && code !== FAILED_PRECONDITION) throw error
      }
    }
  }

  return {
    async put(tenantId, name, value) {
      const secret = secretName(tenantId, name)
      try {
        await client.createSecret({
          parent,
          secretId: secret.slice(secret.lastIndexOf('/') + 1),
          secret: { replication: { automatic: {} }, labels: { managed_by: 'statisfy-posthog-sdk' } },
        })
      } catch (error) {
        if (grpcCode(error) !== ALREADY_EXISTS) throw failed('create a secret', error)
      }
      try {
        await client.addSecretVersion({ parent: secret, payload: { data: new TextEncoder().encode(value) } })
      } catch (error) {
        throw failed('add a secret version', error)
      }
      try {
        await disableOlderVersions(secret)
      } catch (error) {
        throw new SecretStoreError(
          SecretStoreErrorCode.BackendFailed,
          `The new value is stored and is the one read, but Google Secret Manager could not disable the older versions (code ${String(grpcCode(error) ?? 'unknown')}), so older versions stay readable. Grant the service account roles/secretmanager.secretVersionManager and save the value again.`,
          { cause: error },
        )
      }
    },
    async get(tenantId, name) {
      try {
        const [response] = await client.accessSecretVersion({ name: `${secretName(tenantId, name)}/versions/latest` })
        const data = response.payload?.data
        if (data === undefined || data === null) return null
        return typeof data === 'string' ? data : new TextDecoder().decode(data)
      } catch (error) {
        if (grpcCode(error) === NOT_FOUND) return null
        throw failed('read a secret', error)
      }
    },
    async delete(tenantId, name) {
      try {
        await client.deleteSecret({ name: secretName(tenantId, name) })
      } catch (error) {
        if (grpcCode(error) !== NOT_FOUND) throw failed('delete a secret', error)
      }
    },
  }
}
