import type { QueryDefinition } from '../config/index'
import { backfillWindows } from '../schedule/index'
import { RunRecorder } from './RunRecorder'
import { type RunReport, RunStatus } from './RunReport'
import { accountLookup, runSync } from './runSync'
import type { SyncOptions } from './SyncOptions'
import type { SyncClock, SyncPorts } from './SyncPorts'
import { toRunError } from './toRunError'

/** Options of {@link runBackfill}: the range, the window length, and those of {@link runSync}. */
export interface BackfillOptions extends Omit<SyncOptions, 'window'> {
  /** First instant to read (inclusive). */
  start: Date
  /** Last instant to read (exclusive). */
  end: Date
  /**
   * Length of each window, one `runSync` each (the client still splits a window that comes back full). With the
   * query's `grain`, windows start and end on bucket boundaries in `timeZone` (see `backfillWindows`).
   * @default 7 days
   */
  spanMs?: number
}

const WEEK_MS = 7 * 86_400_000
const systemClock: SyncClock = { now: () => Date.now() }

/**
 * Backfills `[start, end)` one window after another (oldest first; with a `grain`, widened to whole buckets), with one account index for all of them, and
 * stops after the first `failed` window so the host can move its watermark to the end of the last window that
 * succeeded (or was partial) and resume from there. Returns one report per window run.
 * @example
 * const reports = await runBackfill(definition, ports, { start: new Date('2025-01-01'), end: new Date('2025-06-01') })
 * const done = reports.filter((r) => r.status !== 'failed').at(-1)?.window?.end
 */
export async function runBackfill(
  definition: QueryDefinition,
  ports: SyncPorts,
  options: BackfillOptions,
): Promise<RunReport[]> {
  const { start, end, spanMs = WEEK_MS, ...syncOptions } = options
  const clock = ports.clock ?? systemClock
  let windows: ReturnType<typeof backfillWindows>
  let accounts: Awaited<ReturnType<typeof accountLookup>>
  try {
    windows = backfillWindows(start, end, spanMs, {
      grain: definition.grain,
      timeZone: syncOptions.timeZone,
      now: new Date(clock.now()),
    })
    accounts = await accountLookup(ports, [definition.mapping.account.resolver], undefined, options.signal)
  } catch (error) {
    const recorder = new RunRecorder(
      definition,
      clock,
      { start, end },
      syncOptions.dryRun ?? false,
      syncOptions.onProgress,
    )
    return [recorder.finish(RunStatus.Failed, { error: toRunError(error, options.signal) })]
  }
  const reports: RunReport[] = []
  for (const window of windows) {
    const report = await runSync(definition, { ...ports, accounts, directory: undefined }, { ...syncOptions, window })
    reports.push(report)
    if (report.status === RunStatus.Failed) break
  }
  return reports
}
