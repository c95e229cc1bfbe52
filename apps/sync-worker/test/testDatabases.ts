// Fresh databases for a test: an in-memory or temporary-file SQLite, or a new database on the run's private
// PostgreSQL (test/globalSetup.ts). Every test gets its own, so tests never see each other's rows.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type DatabaseConfig, openDatabase, type WorkerDatabase } from '../src/db/openDatabase'

/** The run's PostgreSQL server URL, or undefined when none could be started (outside CI only). */
export const postgresUrl = process.env.TEST_POSTGRES_URL

/** The dialects the tests run on: both when PostgreSQL is up. */
export const dialects = postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)

let counter = 0

/** Creates an empty database of the kind and returns its config (a file for SQLite, so child processes share it). */
export async function createTestDatabaseConfig(kind: 'sqlite' | 'postgres'): Promise<DatabaseConfig> {
  if (kind === 'sqlite') return { kind, path: join(mkdtempSync(join(tmpdir(), 'sync-worker-')), 'worker.db') }
  if (!postgresUrl) throw new Error('No test PostgreSQL: run the tests through vitest (test/globalSetup.ts).')
  const name = `t_${process.pid}_${Date.now()}_${counter++}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  return { kind, url: postgresUrl.replace(/\/[^/]*$/, `/${name}`) }
}

/** A fresh, migrated database of the kind. */
export async function createTestDatabase(kind: 'sqlite' | 'postgres'): Promise<WorkerDatabase> {
  return openDatabase(await createTestDatabaseConfig(kind))
}
