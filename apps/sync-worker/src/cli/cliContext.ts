import type { Logger } from '@statisfy/posthog-sdk/server'
import type { WorkerConfig } from '../config/loadConfig'
import { createWorkerApp, type WorkerApp } from '../createWorkerApp'
import type { WorkerStoreSet } from '../store/createWorkerStores'
import { UsageError } from './UsageError'

/**
 * A worker for a one-off command (`run`, `backfill`): it runs what the command queues in this process, takes no
 * scheduled ticks (a `serve` process does), and leaves the HTTP API unserved.
 */
export async function openCliWorker(config: WorkerConfig, logger: Logger): Promise<WorkerApp> {
  return createWorkerApp({ ...config, queue: null }, { logger })
}

/** The tenant a command is about: `--tenant`, or the only tenant there is. */
export async function resolveTenant(stores: WorkerStoreSet, flag: string | undefined): Promise<string> {
  if (flag) {
    if (!(await stores.tenants.get(flag)))
      throw new UsageError(`No tenant '${flag}'. Add it with \`sync-worker tenants add ${flag}\`.`)
    return flag
  }
  const tenants = await stores.tenants.list()
  if (tenants.length === 1 && tenants[0]) return tenants[0].id
  throw new UsageError(
    tenants.length === 0
      ? 'There are no tenants yet: add one with `sync-worker tenants add <id>`.'
      : `Several tenants exist (${tenants.map((t) => t.id).join(', ')}): pass --tenant <id>.`,
  )
}

/** Prints a value as JSON (`--json`) or as the lines a person reads. */
export function print(json: boolean, value: unknown, lines: () => string[]): void {
  if (json) console.log(JSON.stringify(value, null, 2))
  else for (const line of lines()) console.log(line)
}
