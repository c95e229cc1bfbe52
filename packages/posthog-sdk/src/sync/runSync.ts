import type { AccountResolver, QueryDefinition } from '../config/index'
import { checkCatalog } from '../mapping/index'
import { buildAccountIndex } from '../resolve/index'
import { bucketGrainOf } from '../schedule/bucketGrainOf'
import type { AccountLookup } from './AccountMatcher'
import { RunRecorder } from './RunRecorder'
import { type RunReport, RunStatus } from './RunReport'
import type { SyncOptions } from './SyncOptions'
import type { AccountSource, SyncClock, SyncPorts } from './SyncPorts'
import { toRunError } from './toRunError'
import { createPageWriter, type PageWriter } from './writeResult'

const systemClock: SyncClock = { now: () => Date.now() }

/**
 * Runs one saved query: checks the mapping against the catalog, builds the account index (unless one is given),
 * reads every row from PostHog page by page (the client's `pages`, with the window in `{period_start}`/`{period_end}`,
 * cut only on the boundaries of the query's `grain` in `options.timeZone`), and maps, resolves and writes each page
 * through the sink in batches, so memory holds one page, not the result.
 * Never throws: every failure is a `failed` report with a stable code.
 *
 * - `succeeded`: every row written. `partial`: some rows rejected (counts, reasons and samples in the report).
 * - `failed`: nothing is written when the catalog check, the directory, the first page or the mapping (missing
 *   columns) fails. A failure later (a page read or a write) leaves earlier batches written: they are upserts, so
 *   re-running the same window (do not advance the watermark after `failed`) completes the data without duplicates.
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
  const clock = ports.clock ?? systemClock
  const run = new RunRecorder(definition, clock, options.window, options.dryRun ?? false, options.onProgress)
  const { signal } = options
  try {
    checkCatalog(definition, ports.catalog)
    const grain = bucketGrainOf(definition.grain, options.timeZone)
    const accounts = await accountLookup(ports, [definition.mapping.account.resolver], run, signal)
    run.progress('reading')
    const pages = ports.client.pages(definition.hogql, {
      ...(options.window ? { window: options.window } : {}),
      ...(grain ? { grain } : {}),
      ...(definition.values ? { values: definition.values } : {}),
      ...('timestampColumn' in definition.mapping ? { timeColumn: definition.mapping.timestampColumn } : {}),
      ...(signal ? { signal } : {}),
      name: `statisfy sync: ${definition.name}`.slice(0, 128),
    })
    const iterator = pages[Symbol.asyncIterator]()
    let writer: PageWriter | undefined
    let offset = 0
    let pageIndex = 0
    // One page per call: when it returns, nothing of the page is left in this function's frame, so the page can be
    // collected while the client reads and parses the next one (an async function keeps its locals across awaits).
    const nextPage = async (): Promise<boolean> => {
      const waitStart = clock.now()
      const next = await iterator.next()
      run.waited(clock.now() - waitStart)
      if (next.done) return false
      const page = next.value
      run.page(page)
      // The first page's header compiles the mapping: a missing column fails here, before any write.
      writer ??= createPageWriter(definition, page, accounts, ports, options, run)
      await writer.page(page.results, offset)
      offset += page.results.length
      if (options.onPageWritten && !options.dryRun) {
        await writer.flush()
        await options.onPageWritten({
          index: pageIndex++,
          window: page.window ?? null,
          rowsRead: run.rowsRead,
          written: run.written,
          rejected: run.rejects?.total ?? 0,
        })
      }
      return true
    }
    try {
      let more = true
      while (more) more = await nextPage()
      await writer?.flush()
    } finally {
      // Stops the client's reading (and cancels in-flight work) when processing a page failed.
      await iterator.return?.()
      // The duplicate check's tables go back to the engine's pool for the next run, whatever this run's outcome.
      writer?.release()
    }
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
