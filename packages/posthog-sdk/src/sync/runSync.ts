import type { AccountResolver, QueryDefinition } from '../config/index'
import { checkCatalog } from '../mapping/index'
import { buildAccountIndex } from '../resolve/index'
import type { AccountLookup } from './AccountMatcher'
import { RunRecorder } from './RunRecorder'
import { type RunReport, RunStatus } from './RunReport'
import type { SyncOptions } from './SyncOptions'
import type { AccountSource, SyncClock, SyncPorts } from './SyncPorts'
import { toRunError } from './toRunError'
import { writeResult } from './writeResult'

const systemClock: SyncClock = { now: () => Date.now() }

/**
 * Runs one saved query: checks the mapping against the catalog, builds the account index (unless one is given),
 * reads every row from PostHog (`queryAll`, with the window in `{period_start}`/`{period_end}`), maps, resolves and
 * writes through the sink in batches. Never throws: every failure is a `failed` report with a stable code.
 *
 * - `succeeded`: every row written. `partial`: some rows rejected (counts, reasons and samples in the report).
 * - `failed`: nothing written when the mapping, the catalog check, the directory or the read failed (PostHog's
 *   result is never partial); when a write fails, batches already written stay written (upserts: re-run the window).
 *
 * @example
 * const report = await runSync(definition, { client, sink, catalog, directory }, { window: { start, end } })
 * if (report.status === 'succeeded' || report.status === 'partial') await saveWatermark(definition.id, end)
 */
export async function runSync(
  definition: QueryDefinition,
  ports: SyncPorts,
  options: SyncOptions = {},
): Promise<RunReport> {
  const run = new RunRecorder(
    definition,
    ports.clock ?? systemClock,
    options.window,
    options.dryRun ?? false,
    options.onProgress,
  )
  const { signal } = options
  try {
    checkCatalog(definition, ports.catalog)
    const accounts = await accountLookup(ports, [definition.mapping.account.resolver], run, signal)
    run.progress('reading')
    const result = await ports.client.queryAll(definition.hogql, {
      ...(options.window ? { window: options.window } : {}),
      ...(definition.values ? { values: definition.values } : {}),
      ...(signal ? { signal } : {}),
      name: `statisfy sync: ${definition.name}`.slice(0, 128),
      onPage: (page) => run.page(page),
    })
    run.readDone(result.results.length, result.elapsedMs)
    await writeResult(definition, result, accounts, ports, options, run)
    return run.finish(run.rejects && run.rejects.total > 0 ? RunStatus.Partial : RunStatus.Succeeded)
  } catch (error) {
    return run.finish(RunStatus.Failed, { error: toRunError(error, signal) })
  }
}

/**
 * The account index of a run: the one given, or one built from the directory for `resolvers` only.
 * @internal shared with runTenant, which builds one index for all of a tenant's queries.
 */
export async function accountLookup(
  source: AccountSource,
  resolvers: readonly AccountResolver[],
  run: RunRecorder | undefined,
  signal: AbortSignal | undefined,
): Promise<AccountLookup> {
  if (source.accounts) return source.accounts
  run?.progress('indexing_accounts')
  return buildAccountIndex(source.directory, { resolvers: [...new Set(resolvers)], ...(signal ? { signal } : {}) })
}
