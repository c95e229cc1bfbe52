import type SQLite from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/**
 * The SQLite handle as Kysely's driver sees it, keeping prepared statements by their SQL. Kysely prepares every
 * query anew, and the worker runs the same few dozen statements thousands of times (ticks, leases, run records,
 * page commits): preparing them was about a fifth of a scheduling tick. The `max` most recently used are kept; a
 * statement still iterating a result is never handed out a second time (SQLite would refuse it as busy).
 */
export function withStatementCache(sqlite: SQLite.Database, max = 256): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql)
      // Re-inserting moves the statement to the end: the map's order is the order of last use.
      cache.delete(sql)
      const statement = cached && !cached.busy ? cached : sqlite.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > max) cache.delete(cache.keys().next().value as string)
      return statement
    },
  }
}
