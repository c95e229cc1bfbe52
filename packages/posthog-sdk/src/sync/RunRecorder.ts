import type { QueryDefinition } from '../config/index'
import { RejectReason } from '../mapping/index'
import type { RejectCollector } from './RejectCollector'
import { type RunPage, type RunReport, RunStatus, type SkipReason } from './RunReport'
import type { SyncClock, SyncQueryPage, SyncWindow } from './SyncPorts'
import type { SyncPhase, SyncProgress } from './SyncProgress'

/** Accumulates what a run did and turns it into its {@link RunReport}. */
export class RunRecorder {
  readonly startedAt: number
  rowsRead = 0
  rowsProcessed = 0
  written = 0
  rejects: RejectCollector | null = null
  /** Distinct HogQL texts: a run's pages send the same (possibly 100 KB) text, which the report keeps once. */
  private readonly hogql: string[] = []
  private readonly pages: RunPage[] = []
  private readonly timings = new Map<string, number>()
  private splits = 0
  private elapsedMs = 0

  constructor(
    private readonly definition: QueryDefinition,
    private readonly clock: SyncClock,
    private readonly window: SyncWindow | undefined,
    private readonly dryRun: boolean,
    private readonly onProgress: ((event: SyncProgress) => void) | undefined,
  ) {
    this.startedAt = clock.now()
  }

  /**
   * Records one page read from PostHog: its HogQL (kept once per distinct text), window, timings, and the split
   * windows re-read before it. `splits` counts from the start of the run, as the client's `pages()` reports it. The
   * page's `window`, when it has one, is kept in the report.
   */
  page(page: SyncQueryPage): void {
    let hogql = this.hogql.indexOf(page.query)
    if (hogql < 0) hogql = this.hogql.push(page.query) - 1
    const splits = Math.max(0, page.splits - this.splits)
    this.splits += splits
    this.pages.push({
      hogql,
      window: page.window ? { start: page.window.start.toISOString(), end: page.window.end.toISOString() } : null,
      rows: page.results.length,
      splits,
      timings: page.timings.map(({ k, t }) => ({ k, t })),
    })
    for (const { k, t } of page.timings) this.timings.set(k, (this.timings.get(k) ?? 0) + t)
    this.rowsRead += page.results.length
    this.progress('reading')
  }

  /** Adds time spent waiting for PostHog (the next page). */
  waited(ms: number): void {
    this.elapsedMs += Math.max(0, ms)
  }

  progress(phase: SyncPhase): void {
    this.onProgress?.({
      queryId: this.definition.id,
      phase,
      rowsRead: this.rowsRead,
      rowsProcessed: this.rowsProcessed,
      written: this.written,
      rejected: this.rejects?.total ?? 0,
    })
  }

  /** The final report; emits the `done` progress event. */
  finish(status: RunStatus, extra: { error?: RunReport['error']; skipReason?: SkipReason } = {}): RunReport {
    const finishedAt = this.clock.now()
    const rejects = this.rejects
    this.progress('done')
    return {
      queryId: this.definition.id,
      queryName: this.definition.name,
      type: this.definition.type,
      status,
      skipReason: extra.skipReason ?? null,
      dryRun: this.dryRun,
      startedAt: new Date(this.startedAt).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
      durationMs: Math.max(0, finishedAt - this.startedAt),
      window: this.window ? { start: this.window.start.toISOString(), end: this.window.end.toISOString() } : null,
      counts: {
        read: this.rowsRead,
        written: this.written,
        rejected: rejects?.total ?? 0,
        unmatched: rejects?.count(RejectReason.UnmatchedAccount) ?? 0,
        ambiguous: rejects?.count(RejectReason.AmbiguousAccount) ?? 0,
        byReason: rejects?.byReason() ?? {},
      },
      reasons: rejects?.reasons() ?? [],
      posthog: {
        hogql: [...this.hogql],
        requests: this.pages.length + this.splits,
        elapsedMs: this.elapsedMs,
        timings: [...this.timings].map(([k, t]) => ({ k, t })),
        pages: [...this.pages],
      },
      error: extra.error ?? null,
    }
  }
}

/** The report of a query that was not run (no PostHog call, nothing read or written). */
export function skippedReport(
  definition: QueryDefinition,
  reason: SkipReason,
  clock: SyncClock,
  window?: SyncWindow,
): RunReport {
  return new RunRecorder(definition, clock, window, false, undefined).finish(RunStatus.Skipped, { skipReason: reason })
}
