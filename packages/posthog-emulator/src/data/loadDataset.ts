import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Session } from 'chdb'
import { DATASET_TABLES, datasetDdl } from './datasetDdl'
import { type DatasetSpec, generateDataset } from './generateDataset'

/** Bump when generation changes, so stale caches are not reused. */
export const DATASET_VERSION = 1

/** Default cache directory for generated datasets. */
export function defaultDataDir(): string {
  return join(tmpdir(), 'statisfy-posthog-emulator')
}

/** Name of the ClickHouse database holding a dataset. */
export function datasetDatabase(spec: DatasetSpec): string {
  return `posthog_s${spec.seed}_n${spec.size}_${spec.endDate.replaceAll('-', '')}_v${DATASET_VERSION}`
}

/**
 * Makes a dataset available in `session`: loaded from the on-disk cache (ClickHouse Native files, one per table)
 * when present, otherwise generated and then written to the cache atomically (temp dir + rename), so parallel
 * processes never read a half-written cache and repeated test runs start in about a second.
 */
export async function loadDataset(
  session: Session,
  loaded: Map<string, Promise<void>>,
  spec: DatasetSpec,
  dataDir: string,
): Promise<string> {
  const database = datasetDatabase(spec)
  let pending = loaded.get(database)
  if (pending === undefined) {
    pending = load(session, database, spec, dataDir)
    loaded.set(database, pending)
    pending.catch(() => loaded.delete(database))
  }
  await pending
  return database
}

async function load(session: Session, database: string, spec: DatasetSpec, dataDir: string): Promise<void> {
  const cacheDir = join(dataDir, database)
  await session.queryAsync(`DROP DATABASE IF EXISTS \`${database}\``)
  if (existsSync(join(cacheDir, 'complete'))) {
    for (const statement of datasetDdl(database)) await session.queryAsync(statement)
    for (const table of DATASET_TABLES) {
      const file = join(cacheDir, `${table}.native`).replaceAll("'", "\\'")
      await session.queryAsync(`INSERT INTO \`${database}\`.${table} SELECT * FROM file('${file}', Native)`)
    }
    return
  }
  await generateDataset(session, database, spec)
  mkdirSync(dataDir, { recursive: true })
  const staging = `${cacheDir}.tmp-${process.pid}-${Date.now()}`
  mkdirSync(staging, { recursive: true })
  try {
    for (const table of DATASET_TABLES) {
      const file = join(staging, `${table}.native`).replaceAll("'", "\\'")
      await session.queryAsync(`INSERT INTO FUNCTION file('${file}', Native) SELECT * FROM \`${database}\`.${table}`)
    }
    writeFileSync(join(staging, 'complete'), new Date().toISOString())
    try {
      renameSync(staging, cacheDir)
    } catch (error) {
      // Another process finished the same (identical) dataset first; keep its copy.
      if (!existsSync(join(cacheDir, 'complete'))) throw error
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  pruneStaleCaches(dataDir, spec, database)
}

/**
 * Datasets default to ending today, so a cache directory per day would pile up: remove the same seed and size's
 * caches of other days or versions once they are a day old (a parallel process may still be reading a fresh one).
 */
function pruneStaleCaches(dataDir: string, spec: DatasetSpec, keep: string): void {
  const prefix = `posthog_s${spec.seed}_n${spec.size}_`
  const dayAgo = Date.now() - 86_400_000
  for (const name of readdirSync(dataDir)) {
    if (!name.startsWith(prefix) || name === keep || name.includes('.tmp-')) continue
    const path = join(dataDir, name)
    if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true })
  }
}
