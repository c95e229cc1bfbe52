import type { AccountDirectory, DirectoryAccount } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

const PAGE = 1000

/** The tenants' account directories: what the resolvers match PostHog rows against. */
export interface AccountStore {
  /** Adds or replaces accounts by id, in one transaction. */
  upsertMany(tenantId: string, accounts: readonly DirectoryAccount[]): Promise<void>
  list(tenantId: string): Promise<DirectoryAccount[]>
  /** The SDK's directory port over the table, streamed in pages of 1,000 in id order. */
  directory(tenantId: string): AccountDirectory
}

type Row = Database['accounts']
const toAccount = (row: Row): DirectoryAccount => ({
  id: row.id,
  name: row.name,
  domains: JSON.parse(row.domains),
  crmIds: JSON.parse(row.crm_ids),
  orgIds: JSON.parse(row.org_ids),
  customFields: JSON.parse(row.custom_fields),
})

/** The {@link AccountStore} on the `accounts` table. */
export function createAccountStore(db: Kysely<Database>): AccountStore {
  return {
    async upsertMany(tenantId, accounts) {
      await db.transaction().execute(async (trx) => {
        for (let from = 0; from < accounts.length; from += 200) {
          const rows = accounts.slice(from, from + 200).map((a) => ({
            tenant_id: tenantId,
            id: a.id,
            name: a.name,
            domains: JSON.stringify(a.domains ?? []),
            crm_ids: JSON.stringify(a.crmIds ?? []),
            org_ids: JSON.stringify(a.orgIds ?? []),
            custom_fields: JSON.stringify(a.customFields ?? {}),
          }))
          await trx
            .insertInto('accounts')
            .values(rows)
            .onConflict((c) =>
              c.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
                name: eb.ref('excluded.name'),
                domains: eb.ref('excluded.domains'),
                crm_ids: eb.ref('excluded.crm_ids'),
                org_ids: eb.ref('excluded.org_ids'),
                custom_fields: eb.ref('excluded.custom_fields'),
              })),
            )
            .execute()
        }
      })
    },
    async list(tenantId) {
      return (await db.selectFrom('accounts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute()).map(toAccount)
    },
    directory(tenantId) {
      return {
        async *accounts(options) {
          let after: string | null = null
          for (;;) {
            options?.signal?.throwIfAborted()
            let query = db.selectFrom('accounts').selectAll().where('tenant_id', '=', tenantId)
            if (after !== null) query = query.where('id', '>', after)
            const rows = await query.orderBy('id').limit(PAGE).execute()
            if (rows.length > 0) yield rows.map(toAccount)
            if (rows.length < PAGE) return
            after = rows.at(-1)?.id ?? null
          }
        },
      }
    },
  }
}
