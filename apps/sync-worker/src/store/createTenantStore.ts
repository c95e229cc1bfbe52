import { createHash, randomBytes } from 'node:crypto'
import { type Catalog, catalogSchema } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import * as z from 'zod'
import type { Database } from '../db/Database'
import { WorkerStoreError, WorkerStoreErrorCode } from './WorkerStoreError'

/** A tenant (a Statisfy organisation) as the worker reads it. */
export interface Tenant {
  id: string
  name: string
  /** Off: every query of the tenant is skipped without calling PostHog. */
  trackingEnabled: boolean
  /** Whether a bearer token was issued (the token itself is never stored). */
  hasToken: boolean
  /** Epoch milliseconds of the first `put`. */
  createdAt: number
}

/** What {@link TenantStore.put} takes. */
export interface TenantInput {
  id: string
  name: string
  trackingEnabled: boolean
  /** The tenant's own catalog, or `null` for the worker's default. @default the stored one is kept */
  catalog?: Catalog | null
}

/** The tenants the worker syncs for: the activity-tracking switch and a bearer token for the worker's HTTP API. */
export interface TenantStore {
  /** Every tenant, by id. */
  list(): Promise<Tenant[]>
  get(id: string): Promise<Tenant | null>
  /** Adds or updates a tenant; its token (and, when `catalog` is left out, its catalog) is kept. */
  put(tenant: TenantInput): Promise<void>
  /** Throws `not_found` for a tenant that does not exist. */
  setTracking(id: string, enabled: boolean): Promise<void>
  /** A new bearer token (`sfw_…`), replacing the previous one; only its SHA-256 is stored. Shown once. */
  issueToken(id: string): Promise<string>
  /** The tenant the token was issued to, or `null`. */
  findByToken(token: string): Promise<Tenant | null>
}

/** Prefix of the worker's bearer tokens, so a leaked one is recognisable (and secret scanners can match it). */
export const TENANT_TOKEN_PREFIX = 'sfw_'
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Throws `invalid_tenant_id` unless `id` is 1 to 64 letters, digits, `_` or `-`. */
export function assertTenantId(id: string): void {
  if (typeof id !== 'string' || !TENANT_ID.test(id)) {
    throw new WorkerStoreError(
      WorkerStoreErrorCode.InvalidTenantId,
      `Tenant id '${String(id).slice(0, 80)}' is not valid: use 1 to 64 letters, digits, '_' or '-' (e.g. acme or org_42).`,
    )
  }
}

// A lookup by hash, not a comparison of secrets: timing reveals nothing about a token's value.
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

type Row = Pick<Database['tenants'], 'id' | 'name' | 'tracking_enabled' | 'token_hash' | 'created_at'>
const columns = ['id', 'name', 'tracking_enabled', 'token_hash', 'created_at'] as const
const toTenant = (row: Row): Tenant => ({
  id: row.id,
  name: row.name,
  trackingEnabled: row.tracking_enabled !== 0,
  hasToken: row.token_hash !== null,
  createdAt: row.created_at,
})

/**
 * The {@link TenantStore} on the `tenants` table. Every id is checked ({@link assertTenantId}) and a catalog is
 * parsed with the SDK's `catalogSchema` before it is stored.
 * @example const token = await createTenantStore(database.db).issueToken('acme')
 */
export function createTenantStore(db: Kysely<Database>, options: { now?: () => number } = {}): TenantStore {
  const now = options.now ?? Date.now
  const notFound = (id: string) =>
    new WorkerStoreError(
      WorkerStoreErrorCode.NotFound,
      `No tenant '${id}'; add it first (sync-worker tenants add ${id}).`,
    )

  return {
    async list() {
      const rows = await db.selectFrom('tenants').select(columns).execute()
      return rows.map(toTenant).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    },
    async get(id) {
      assertTenantId(id)
      const row = await db.selectFrom('tenants').select(columns).where('id', '=', id).executeTakeFirst()
      return row ? toTenant(row) : null
    },
    async put(tenant) {
      assertTenantId(tenant.id)
      const name = tenant.name.trim()
      if (!name) throw new WorkerStoreError(WorkerStoreErrorCode.InvalidValue, `Give tenant '${tenant.id}' a name.`)
      let catalog: string | null | undefined
      if (tenant.catalog !== undefined && tenant.catalog !== null) {
        const parsed = catalogSchema.safeParse(tenant.catalog)
        if (!parsed.success) {
          throw new WorkerStoreError(
            WorkerStoreErrorCode.InvalidValue,
            `The catalog for tenant '${tenant.id}' is not valid: ${z.prettifyError(parsed.error)}`,
            { cause: parsed.error },
          )
        }
        catalog = JSON.stringify(parsed.data)
      } else catalog = tenant.catalog
      const values = {
        name,
        tracking_enabled: tenant.trackingEnabled ? 1 : 0,
        ...(catalog !== undefined ? { catalog } : {}),
      }
      await db
        .insertInto('tenants')
        .values({ id: tenant.id, token_hash: null, catalog: null, created_at: now(), ...values })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
        .execute()
    },
    async setTracking(id, enabled) {
      assertTenantId(id)
      const result = await db
        .updateTable('tenants')
        .set({ tracking_enabled: enabled ? 1 : 0 })
        .where('id', '=', id)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) throw notFound(id)
    },
    async issueToken(id) {
      assertTenantId(id)
      const token = `${TENANT_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`
      const result = await db
        .updateTable('tenants')
        .set({ token_hash: hashOf(token) })
        .where('id', '=', id)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) throw notFound(id)
      return token
    },
    async findByToken(token) {
      if (typeof token !== 'string' || !token.startsWith(TENANT_TOKEN_PREFIX)) return null
      const row = await db
        .selectFrom('tenants')
        .select(columns)
        .where('token_hash', '=', hashOf(token))
        .executeTakeFirst()
      return row ? toTenant(row) : null
    },
  }
}
