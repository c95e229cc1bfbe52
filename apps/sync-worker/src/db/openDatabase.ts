import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './Database'
import { describeDatabase } from './describeDatabase'
import { migrate } from './migrations'
import { withStatementCache } from './withStatementCache'

/** Which database the worker runs on. */
export type DatabaseKind = 'sqlite' | 'postgres'

/** Where the worker keeps its state: a PostgreSQL URL, or a SQLite file (the embedded default). */
export type DatabaseConfig = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'sqlite'; path: string }

/** An open worker database. */
export interface WorkerDatabase {
  kind: DatabaseKind
  /** The database as people read it in logs (`describeDatabase`: host, port and name, never a password). */
  description: string
  db: Kysely<Database>
  /** The SQLite handle, for the bulk writer's prepared statements (same connection as `db`). */
  sqlite: SQLite.Database | null
  /** The PostgreSQL pool, for the bulk writer. */
  pool: pg.Pool | null
  close(): Promise<void>
}

// PostgreSQL returns bigint (int8) as a string to keep 64-bit precision; the worker's bigints are epoch
// milliseconds and counts, all far below 2^53, so they come back as numbers like on SQLite.
const INT8_OID = 20
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
}

/**
 * Opens the database and brings its schema up to date (`migrate: false` to skip, for `sync-worker migrate` itself).
 * SQLite runs in WAL mode with a busy timeout, so the CLI can read while `serve` writes.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean } = {},
): Promise<WorkerDatabase> {
  let opened: WorkerDatabase
  const description = describeDatabase(config)
  if (config.kind === 'sqlite') {
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true })
    const sqlite = new SQLite(config.path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
    opened = { kind: 'sqlite', description, db, sqlite, pool: null, close: () => db.destroy() }
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, types })
    // An idle client losing its connection (the server restarted) must not crash the process; the next query
    // gets a fresh connection or a clear error.
    pool.on('error', () => {})
    // A connection lost while its client is checked out (between two statements of a transaction) is emitted on
    // the client, where nothing else listens, and an unheard 'error' ends the process. The statement in flight, or
    // the next one, fails instead, and the pool drops the broken client when it is released.
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    opened = { kind: 'postgres', description, db, sqlite: null, pool, close: () => db.destroy() }
  }
  if (options.migrate !== false) {
    try {
      await migrate(opened.db)
    } catch (error) {
      await opened.close()
      throw error
    }
  }
  return opened
}

/** The database the environment names: `DATABASE_URL` (postgres://…) or a SQLite file (default `./data/sync-worker.db`). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim()
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/db), got '${url.split('@').pop()}'. Unset it to use the embedded SQLite file.`,
      )
    }
    return { kind: 'postgres', url }
  }
  return { kind: 'sqlite', path: env.SYNC_WORKER_SQLITE?.trim() || 'data/sync-worker.db' }
}
