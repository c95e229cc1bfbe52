import { defaultCatalog } from '../config/defaultCatalog'
import type { WorkerConfig } from '../config/loadConfig'
import { openDatabase } from '../db/openDatabase'
import { createWorkerStores } from '../store/createWorkerStores'
import { print } from './cliContext'
import type { CliFlags } from './main'
import { UsageError } from './UsageError'

/**
 * `sync-worker tenants`: list; `add <id> [--name N]`; `token <id>` (a new bearer token for the worker's HTTP API;
 * shown once); `tracking <id> on|off` (activity tracking: off skips every query of the tenant, no PostHog call).
 */
export async function tenantsCommand(config: WorkerConfig, args: string[], flags: CliFlags): Promise<number> {
  const database = await openDatabase(config.database)
  try {
    const { tenants } = createWorkerStores(database, { sealingKey: config.sealingKey, catalog: defaultCatalog })
    const [action, id, value] = args
    switch (action) {
      case undefined: {
        const list = await tenants.list()
        print(flags.json, list, () =>
          list.length
            ? list.map((t) => `${t.id}  ${t.name}  tracking ${t.trackingEnabled ? 'on' : 'off'}`)
            : ['No tenants yet: sync-worker tenants add <id>'],
        )
        return 0
      }
      case 'add': {
        if (!id) throw new UsageError('sync-worker tenants add <id> [--name "Acme Inc."]')
        const existing = await tenants.get(id)
        await tenants.put({
          id,
          name: flags.name ?? existing?.name ?? id,
          trackingEnabled: existing?.trackingEnabled ?? true,
        })
        print(flags.json, { id }, () => [
          `tenant ${id} ${existing ? 'updated' : 'added'}; issue a token with \`sync-worker tenants token ${id}\``,
        ])
        return 0
      }
      case 'token': {
        if (!id) throw new UsageError('sync-worker tenants token <id>')
        if (!(await tenants.get(id)))
          throw new UsageError(`No tenant '${id}'. Add it with \`sync-worker tenants add ${id}\`.`)
        const token = await tenants.issueToken(id)
        print(flags.json, { id, token }, () => [
          token,
          `(the bearer token of ${id}; it replaces the previous one and is not shown again)`,
        ])
        return 0
      }
      case 'tracking': {
        if (!id || (value !== 'on' && value !== 'off')) throw new UsageError('sync-worker tenants tracking <id> on|off')
        if (!(await tenants.get(id))) throw new UsageError(`No tenant '${id}'.`)
        await tenants.setTracking(id, value === 'on')
        print(flags.json, { id, trackingEnabled: value === 'on' }, () => [`activity tracking ${value} for ${id}`])
        return 0
      }
      default:
        throw new UsageError(`Unknown tenants action '${action}': use add, token or tracking.`)
    }
  } finally {
    await database.close()
  }
}
