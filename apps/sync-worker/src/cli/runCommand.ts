import { type ApiRun, isRunInFlight } from '@statisfy/posthog-sdk'
import type { Logger } from '@statisfy/posthog-sdk/server'
import type { WorkerConfig } from '../config/loadConfig'
import { openCliWorker, print, resolveTenant } from './cliContext'
import type { CliFlags } from './main'
import { createProgressLine } from './progressLine'
import { runSummary } from './runSummary'
import { UsageError } from './UsageError'

/** `sync-worker run <query>`: queues a run now, runs it here with a progress line, prints its report. */
export async function runCommand(
  config: WorkerConfig,
  logger: Logger,
  args: string[],
  flags: CliFlags,
): Promise<number> {
  const [queryId] = args
  if (!queryId)
    throw new UsageError(
      'Name the query to run: sync-worker run <query> [--tenant T]. List them with `sync-worker runs`.',
    )
  const app = await openCliWorker(config, logger)
  try {
    const tenantId = await resolveTenant(app.stores, flags.tenant)
    const runId = await app.worker.runNow(tenantId, queryId)
    const run = await follow(app.stores.runs(), tenantId, runId, flags.json, {
      // A run of this query left by a process that died runs first; it is taken over once its lease expires.
      whileWaiting: async () => app.worker.resume(tenantId, queryId),
    })
    print(flags.json, run, () => runSummary(run))
    return run && (run.status === 'succeeded' || run.status === 'partial' || run.status === 'skipped') ? 0 : 1
  } finally {
    await app.close()
  }
}

/**
 * Polls the run, drawing its progress, until it has finished; returns its final record. `whileWaiting` is called
 * on every poll: a command uses it to take the run over when the process that held it died.
 */
export async function follow(
  runs: { get(tenantId: string, runId: string): Promise<ApiRun | null> },
  tenantId: string,
  runId: string,
  quiet: boolean,
  options: { label?: string; whileWaiting: () => Promise<void> },
): Promise<ApiRun | null> {
  const line = createProgressLine(process.stderr, Date.now())
  for (;;) {
    const run = await runs.get(tenantId, runId)
    if (!run || !isRunInFlight(run)) {
      line.done()
      return run
    }
    if (!quiet) line.update(`${options.label ?? runId} ${run.status}`, run.progress)
    await options.whileWaiting()
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
