import { DEFAULT_POSTHOG_LIMITS, type RequestLimits } from '@statisfy/posthog-sdk'

/** The worker's tunables; every one has a default that suits one machine and many. */
export interface WorkerTunables {
  /**
   * How long a query's lease lasts without renewal (renewed every third of it while its run is alive). A dead
   * process's run is taken over within this plus `sweepEveryMs`.
   * @default 30000
   */
  leaseMs: number
  /** How often each process looks for orphaned runs, waiting runs and slots its scheduler missed. @default 5000 */
  sweepEveryMs: number
  /** A sweep ticks a slot only this long after it was due, leaving it to the scheduler first. @default 5000 */
  sweepGraceMs: number
  /** Slots older than this when the worker gets to them are recorded `missed`, not run. @default 1 day */
  catchUpMs: number
  /** Re-read this much before the watermark on every run, for late events. @default 0 */
  lateArrivalMs: number
  /** How far back the first run of a query reads. @default 7 days */
  initialLookbackMs: number
  /** Longest span one run catches up past its watermark. @default 31 days */
  maxSpanMs: number
  /** Runs in progress at once in one process. @default 4 */
  maxConcurrentRuns: number
  /** PostHog's limits per API key, shared by every process. @default DEFAULT_POSTHOG_LIMITS */
  limits: RequestLimits
  /** A graceful shutdown waits this long for the page in hand before aborting it. @default 30000 */
  shutdownGraceMs: number
  /** Length of each backfill chunk. @default 7 days */
  backfillChunkMs: number
}

export const DEFAULT_TUNABLES: WorkerTunables = {
  leaseMs: 30_000,
  sweepEveryMs: 5_000,
  sweepGraceMs: 5_000,
  catchUpMs: 86_400_000,
  lateArrivalMs: 0,
  initialLookbackMs: 7 * 86_400_000,
  maxSpanMs: 31 * 86_400_000,
  maxConcurrentRuns: 4,
  limits: DEFAULT_POSTHOG_LIMITS,
  shutdownGraceMs: 30_000,
  backfillChunkMs: 7 * 86_400_000,
}
