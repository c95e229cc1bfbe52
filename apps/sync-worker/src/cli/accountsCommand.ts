import { readFileSync } from 'node:fs'
import type { DirectoryAccount } from '@statisfy/posthog-sdk'
import * as z from 'zod'
import { defaultCatalog } from '../config/defaultCatalog'
import type { WorkerConfig } from '../config/loadConfig'
import { openDatabase } from '../db/openDatabase'
import { createWorkerStores } from '../store/createWorkerStores'
import { print } from './cliContext'
import type { CliFlags } from './main'
import { UsageError } from './UsageError'

const ids = z.array(z.string().min(1)).optional()
const directoryAccountSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  domains: ids,
  crmIds: ids,
  orgIds: ids,
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
})

/** `sync-worker accounts import <tenant> --file accounts.json`: loads the directory the resolvers match against. */
export async function accountsCommand(config: WorkerConfig, args: string[], flags: CliFlags): Promise<number> {
  const [action, tenantId] = args
  if (action !== 'import' || !tenantId || !flags.file)
    throw new UsageError('sync-worker accounts import <tenant> --file accounts.json (a JSON array of accounts)')
  let accounts: DirectoryAccount[]
  try {
    accounts = z.array(directoryAccountSchema).parse(JSON.parse(readFileSync(flags.file, 'utf8')))
  } catch (error) {
    const detail =
      error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)
    throw new UsageError(
      `${flags.file} is not a JSON array of accounts ({ id, name, domains?, crmIds?, orgIds? }): ${detail}`,
    )
  }
  const database = await openDatabase(config.database)
  try {
    const stores = createWorkerStores(database, { sealingKey: config.sealingKey, catalog: defaultCatalog })
    if (!(await stores.tenants.get(tenantId)))
      throw new UsageError(`No tenant '${tenantId}'. Add it with \`sync-worker tenants add ${tenantId}\`.`)
    await stores.accounts.upsertMany(tenantId, accounts)
    print(flags.json, { imported: accounts.length }, () => [`imported ${accounts.length} accounts for ${tenantId}`])
    return 0
  } finally {
    await database.close()
  }
}
