/** Where a run is. */
export const SyncPhase = {
  /** Reading the host's account directory into an index. */
  IndexingAccounts: 'indexing_accounts',
  /** Reading rows from PostHog (page by page). */
  Reading: 'reading',
  /** Mapping, resolving and writing rows in batches. */
  Writing: 'writing',
  /** Finished (any status). */
  Done: 'done',
} as const
export type SyncPhase = (typeof SyncPhase)[keyof typeof SyncPhase]

/** A progress event of one query's run, for UIs and CLIs. Counts are totals so far. */
export interface SyncProgress {
  queryId: string
  phase: SyncPhase
  /** Rows read from PostHog so far. */
  rowsRead: number
  /** Rows mapped and resolved so far. */
  rowsProcessed: number
  /** Records written so far (would-be written in a dry run). */
  written: number
  /** Rejects so far. */
  rejected: number
}
