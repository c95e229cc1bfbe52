import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

/**
 * Runs `fn` in a transaction of its own, or directly on `db` when the caller says it is already inside one. Kysely
 * cannot tell: `transact()` on SQLite hands out a pinned connection after `begin immediate`, which is not a Kysely
 * `Transaction`, and a nested `begin` there fails ("cannot start a transaction within a transaction").
 */
export async function atomically<T>(
  db: Kysely<Database>,
  inTransaction: boolean,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (inTransaction || db.isTransaction) return fn(db)
  return db.transaction().execute((trx) => fn(trx))
}
