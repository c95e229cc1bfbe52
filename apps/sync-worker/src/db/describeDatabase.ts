import type { DatabaseConfig } from './openDatabase'

/** The database as people read it in logs: host, port and name of a PostgreSQL URL (never its password), or the file. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `the SQLite file ${config.path}`
  try {
    const url = new URL(config.url)
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`
  } catch {
    return 'the PostgreSQL of DATABASE_URL'
  }
}
