import type { AccountDirectory, DirectoryAccount } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import { atomically } from './atomically'
import { chunksOf } from './chunksOf'
import { WorkerStoreError, WorkerStoreErrorCode } from './WorkerStoreError'

/** Accounts the directory yields per batch (one keyset page). */
export const ACCOUNT_BATCH_SIZE = 1000
// 7 parameters per account: 3,500 per statement, far below both dialects' limits.
const ACCOUNTS_PER_INSERT = 500

/** The tenants' account directories: what the resolvers match PostHog rows against. */
export interface AccountStore {
  /** Adds or replaces accounts by id, all in one transaction (a later duplicate id in the list wins). */
  upsertMany(tenantId: string, accounts: readonly DirectoryAccount[]): Promise<void>
  /** Every account of the tenant, by id. */
  list(tenantId: string): Promise<DirectoryAccount[]>
  /** The SDK's directory port over the table: batches of {@link ACCOUNT_BATCH_SIZE} in id order, keyset-paged. */
  directory(tenantId: string): AccountDirectory
  count(tenantId: string): Promise<number>
}

type Row = Pick<Database['accounts'], 'id' | 'name' | 'domains' | 'crm_ids' | 'org_ids' | 'custom_fields'>
const columns = ['id', 'name', 'domains', 'crm_ids', 'org_ids', 'custom_fields'] as const

function toAccount(tenantId: string, row: Row): DirectoryAccount {
  try {
    return {
      id: row.id,
      name: row.name,
      domains: JSON.parse(row.domains),
      crmIds: JSON.parse(row.crm_ids),
      orgIds: JSON.parse(row.org_ids),
      customFields: JSON.parse(row.custom_fields),
    }
  } catch (error) {
    throw new WorkerStoreError(
      WorkerStoreErrorCode.CorruptRow,
      `Account '${row.id}' of tenant '${tenantId}' has a list or custom fields that are not JSON; import it again.`,
      { cause: error },
    )
  }
}

/**
 * The {@link AccountStore} on the `accounts` table. `directory` reads a page at a time, so building the account
 * index never holds the table twice; an aborted `signal` stops it before the next page.
 * @example await buildAccountIndex(createAccountStore(database.db).directory('acme'), { resolvers })
 */
export function createAccountStore(db: Kysely<Database>, options: { inTransaction?: boolean } = {}): AccountStore {
  const inTransaction = options.inTransaction ?? db.isTransaction
  return {
    async upsertMany(tenantId, accounts) {
      // PostgreSQL refuses one statement that updates a row twice: keep the last of each id.
      const unique = [...new Map(accounts.map((account) => [account.id, account])).values()]
      await atomically(db, inTransaction, async (trx) => {
        for (const chunk of chunksOf(unique, ACCOUNTS_PER_INSERT)) {
          await trx
            .insertInto('accounts')
            .values(
              chunk.map((account) => ({
                tenant_id: tenantId,
                id: account.id,
                name: account.name,
                domains: JSON.stringify(account.domains ?? []),
                crm_ids: JSON.stringify(account.crmIds ?? []),
                org_ids: JSON.stringify(account.orgIds ?? []),
                custom_fields: JSON.stringify(account.customFields ?? {}),
              })),
            )
            .onConflict((conflict) =>
              conflict.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
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
      const rows = await db
        .selectFrom('accounts')
        .select(columns)
        .where('tenant_id', '=', tenantId)
        .orderBy('id')
        .execute()
      return rows.map((row) => toAccount(tenantId, row))
    },
    directory(tenantId) {
      return {
        async *accounts(options) {
          let after: string | undefined
          for (;;) {
            options?.signal?.throwIfAborted()
            let page = db
              .selectFrom('accounts')
              .select(columns)
              .where('tenant_id', '=', tenantId)
              .orderBy('id')
              .limit(ACCOUNT_BATCH_SIZE)
            // Keyset, not OFFSET: each page is an index range, however deep.
            if (after !== undefined) page = page.where('id', '>', after)
            const rows = await page.execute()
            if (rows.length > 0) yield rows.map((row) => toAccount(tenantId, row))
            const last = rows.at(-1)
            if (rows.length < ACCOUNT_BATCH_SIZE || !last) return
            after = last.id
          }
        },
      }
    },
    async count(tenantId) {
      const row = await db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst()
      // count(*) is int8 on PostgreSQL (a number here, see openDatabase); Number() covers a driver that gives text.
      return Number(row?.n ?? 0)
    },
  }
}
