import type { SampledReject } from './RunReport'
import type { SyncWindow } from './SyncPorts'
import type { SyncProgress } from './SyncProgress'

/** Options of {@link runSync}. */
export interface SyncOptions {
  /**
   * The `[start, end)` range filled into `{period_start}`/`{period_end}`: the incremental window from the query's
   * watermark (`runWindow` in the schedule module) or one backfill window (`backfillWindows`). Required when the
   * HogQL uses the placeholders. After a `succeeded` or `partial` run the host may move the watermark to `end`.
   */
  window?: SyncWindow
  /**
   * The PostHog project's IANA time zone (the `timezone` `testConnection` returns), where PostHog computes
   * `toStartOfDay` and the other buckets. Required when the saved query has a `grain`: the client then cuts the
   * window only on bucket boundaries (and reads its first bucket from the bucket's start). Not used without a grain.
   * @example timeZone: 'Europe/Berlin'
   */
  timeZone?: string
  /**
   * Map and resolve everything but write nothing; `counts.written` then counts what would be written.
   * @default false
   */
  dryRun?: boolean
  /**
   * Records per `RecordSink.write` call.
   * @default 1000
   */
  batchSize?: number
  /**
   * Rejected rows kept per reason in the report, with their row data.
   * @default 5
   */
  samplesPerReason?: number
  /** Aborts the run (PostHog reads, directory reads, writes between batches); the report is `failed` with code `aborted`. */
  signal?: AbortSignal
  /** Progress events: per page while reading, per batch while writing, and once when done. */
  onProgress?: (event: SyncProgress) => void
  /**
   * Receives every rejected row (not only the samples), in row order, batch by batch, so a host can store them for
   * the run's paged rejects view. Awaited; if it throws, the run fails with the error's code (`internal` for a
   * plain `Error`).
   */
  onRejects?: (rejects: SampledReject[]) => void | Promise<void>
  /**
   * Called after every record of a page has been handed to the sink (and its rejects to `onRejects`), before the
   * next page is read; awaited. With it the engine flushes the page's last, partial batch at the page's end, so a
   * sink that buffers a page can commit the page's rows together with a checkpoint (the page's `window.end`): after
   * a crash, a run resumed from the last checkpoint re-reads at most one page. Throw to stop the run (it fails with
   * the error's code). Not called in a dry run.
   * @example onPageWritten: async ({ window }) => { await db.commitPage(buffered, window?.end) }
   */
  onPageWritten?: (page: PageWritten) => void | Promise<void>
}

/** What {@link SyncOptions.onPageWritten} receives: the page just written and the run's totals so far. */
export interface PageWritten {
  /** 0-based page of the run. */
  index: number
  /** The window the page covers (every row before `window.end` is now written), or `null` without a window. */
  window: SyncWindow | null
  /** Rows read so far in the run. */
  rowsRead: number
  /** Records written so far. */
  written: number
  /** Rows rejected so far. */
  rejected: number
}
