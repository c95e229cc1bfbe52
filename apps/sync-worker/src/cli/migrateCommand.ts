import type { WorkerConfig } from '../config/loadConfig'
import { migrate } from '../db/migrations'
import { openDatabase } from '../db/openDatabase'
import { print } from './cliContext'
import type { CliFlags } from './main'

/** `sync-worker migrate`: brings the schema up to date (serve does it on start too). */
export async function migrateCommand(config: WorkerConfig, flags: CliFlags): Promise<number> {
  const database = await openDatabase(config.database, { migrate: false })
  try {
    const applied = await migrate(database.db)
    print(flags.json, { applied }, () =>
      applied.length ? applied.map((name) => `applied ${name}`) : ['The schema is up to date.'],
    )
    return 0
  } finally {
    await database.close()
  }
}
