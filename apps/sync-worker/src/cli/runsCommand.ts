import type { Logger } from '@statisfy/posthog-sdk/server'
import { defaultCatalog } from '../config/defaultCatalog'
import type { WorkerConfig } from '../config/loadConfig'
import { openDatabase } from '../db/openDatabase'
import { createWorkerStores } from '../store/createWorkerStores'
import { print, resolveTenant } from './cliContext'
import type { CliFlags } from './main'
import { runSummary } from './runSummary'

/** `sync-worker runs`: the tenant's run history (in-flight first, then newest), as the settings page shows it. */
export async function runsCommand(config: WorkerConfig, _logger: Logger, flags: CliFlags): Promise<number> {
  const database = await openDatabase(config.database)
  try {
    const stores = createWorkerStores(database, { sealingKey: config.sealingKey, catalog: defaultCatalog })
    const tenantId = await resolveTenant(stores, flags.tenant)
    const limit = Math.min(100, Math.max(1, Number(flags.limit ?? 20) || 20))
    const page = await stores.runs().list(tenantId, { ...(flags.query ? { queryId: flags.query } : {}), limit })
    print(flags.json, page, () =>
      page.runs.length ? page.runs.flatMap((run) => runSummary(run).slice(0, 2)) : ['No runs yet.'],
    )
    return 0
  } finally {
    await database.close()
  }
}
