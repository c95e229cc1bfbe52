import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from './Database'
import type { WorkerDatabase } from './openDatabase'

/**
 * Runs `fn` in one transaction. On SQLite it begins IMMEDIATE: the write lock is taken up front, so two processes
 * on one file (`serve` and a CLI `run`) queue on the busy timeout instead of failing when a read upgrades to a
 * write (SQLite answers that deadlock with SQLITE_BUSY at once, whatever the timeout).
 */
export async function transact<T>(database: WorkerDatabase, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (database.kind === 'postgres') return database.db.transaction().execute((trx: Transaction<Database>) => fn(trx))
  return database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection)
    try {
      const result = await fn(connection)
      await sql`commit`.execute(connection)
      return result
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => {})
      throw error
    }
  })
}
