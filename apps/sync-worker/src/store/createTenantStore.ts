import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import type { WorkerTenant } from '../runner/WorkerStores'

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/
const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/** The tenants the worker syncs for, with the activity-tracking switch and a bearer token for local use. */
export interface TenantStore {
  list(): Promise<WorkerTenant[]>
  get(id: string): Promise<WorkerTenant | null>
  /** Adds or updates a tenant (its token is kept). */
  put(tenant: WorkerTenant): Promise<void>
  setTracking(id: string, enabled: boolean): Promise<void>
  /** A new bearer token for the tenant (replacing the previous one); only its SHA-256 is stored. */
  issueToken(id: string): Promise<string>
  findByToken(token: string): Promise<WorkerTenant | null>
}

const toTenant = (row: { id: string; name: string; tracking_enabled: number }): WorkerTenant => ({
  id: row.id,
  name: row.name,
  trackingEnabled: row.tracking_enabled === 1,
})

/** The {@link TenantStore} on the `tenants` table. */
export function createTenantStore(db: Kysely<Database>): TenantStore {
  const columns = ['id', 'name', 'tracking_enabled'] as const
  return {
    async list() {
      return (await db.selectFrom('tenants').select(columns).orderBy('id').execute()).map(toTenant)
    },
    async get(id) {
      const row = await db.selectFrom('tenants').select(columns).where('id', '=', id).executeTakeFirst()
      return row ? toTenant(row) : null
    },
    async put(tenant) {
      if (!TENANT_ID.test(tenant.id)) {
        throw new Error(`A tenant id is 1 to 64 letters, digits, '_' or '-'; got '${tenant.id}'.`)
      }
      const values = { name: tenant.name, tracking_enabled: tenant.trackingEnabled ? 1 : 0 }
      await db
        .insertInto('tenants')
        .values({ id: tenant.id, ...values, token_hash: null, catalog: null, created_at: Date.now() })
        .onConflict((c) => c.column('id').doUpdateSet(values))
        .execute()
    },
    async setTracking(id, enabled) {
      await db.updateTable('tenants').set({ tracking_enabled: enabled ? 1 : 0 }).where('id', '=', id).execute()
    },
    async issueToken(id) {
      const token = `sfw_${randomBytes(24).toString('base64url')}`
      const result = await db.updateTable('tenants').set({ token_hash: hash(token) }).where('id', '=', id).executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) throw new Error(`No tenant '${id}' to issue a token for.`)
      return token
    },
    async findByToken(token) {
      const row = await db.selectFrom('tenants').select(columns).where('token_hash', '=', hash(token)).executeTakeFirst()
      return row ? toTenant(row) : null
    },
  }
}
