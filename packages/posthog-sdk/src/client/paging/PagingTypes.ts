import type { HogQLValue } from '../../config/hogqlValue'
import type { BucketGrain } from '../../schedule/bucketStart'
import type { TimeWindow } from '../../schedule/timeWindow'
import type { QueryOptions, QueryTiming } from '../resources/QueryTypes'

/** Options of {@link PostHogClient.pages} and {@link PostHogClient.queryAll}. */
export interface PagingOptions
  extends Pick<QueryOptions, 'values' | 'signal' | 'timeoutMs' | 'refresh' | 'name' | 'mode'> {
  /**
   * The range to read when the HogQL uses `{period_start}` and `{period_end}`; required then. Windows that come
   * back full, or that PostHog gives up on (its time limit, too slow, memory), are split in halves and re-read, so
   * every row is read once without OFFSET.
   */
  window?: TimeWindow
  /**
   * The time buckets the query groups rows into, in the PostHog project's time zone (where `toStartOfDay` and friends
   * compute them). With it, a window is only ever cut on bucket boundaries, so no bucket's aggregate is read in two
   * parts (the second part would replace the first in a sink that upserts): the window's start is moved down to the
   * start of its bucket, a full window is split into about half its buckets, and a full window of one bucket fails
   * with `truncated_result` (`window_too_dense`). `minWindowMs` does not apply. The end may fall inside a bucket (a
   * scheduled run reads the current bucket "so far"). Ignored when the HogQL has no window placeholders.
   * @example grain: { unit: 'day', timeZone: 'Europe/Berlin' }
   */
  grain?: BucketGrain
  /**
   * The result column holding each row's time, e.g. the mapping's `timestampColumn`. When a window comes back full,
   * the client asks PostHog once how many rows fall in each time bin of the rest of the range (the query as a
   * subquery, `count()` per bin of this column) and sizes the windows from that, instead of halving the full window
   * until it fits: a first sync of months of data reads each row about once, not two or three times. A window the
   * count got wrong is still split; a column PostHog cannot read as a time falls back to halving.
   */
  timeColumn?: string
  /**
   * Most rows wanted from one request. The client asks for one more (`LIMIT pageSize + 1`) to know, without
   * ambiguity, whether a window holds more. Capped by PostHog's 50,000-row limit.
   * @default 49999
   */
  pageSize?: number
  /**
   * Smallest window the client splits down to; a window this short that is still full fails with
   * `truncated_result` (`window_too_dense`). Not used with `grain` (a bucket is the smallest window then).
   * @default 60000
   */
  minWindowMs?: number
  /**
   * Length of the first window tried; later windows grow back (doubling) after sparse pages. With `grain`, each
   * window ends on the last bucket boundary within its length (at least one bucket).
   * @default the whole window
   */
  initialWindowMs?: number
  /**
   * How window bounds are written into `values`.
   * @default ISO 8601 in UTC, milliseconds only when not zero, e.g. `2025-06-01T00:00:00Z`
   */
  formatWindowBound?: (bound: Date) => HogQLValue
  /** Called after each page is read (for progress). With {@link PostHogClient.pages} the page is also yielded. */
  onPage?: (page: QueryPage) => void | Promise<void>
}

/** One page of rows: the complete result of one window (or of the whole query when it has no window). */
export interface QueryPage<Row extends readonly unknown[] = unknown[]> {
  /** 0-based position of the page. */
  index: number
  columns: string[]
  types: string[]
  results: Row[]
  /** The window this page covers, or `null` for a query without window placeholders. */
  window: TimeWindow | null
  /** The HogQL sent for this page (with the client's LIMIT). */
  query: string
  timings: QueryTiming[]
  /** Windows re-read smaller before this page: they came back full, or PostHog gave up on them (time, memory). */
  splits: number
}

/** The result of {@link PostHogClient.queryAll}. */
export interface QueryAllResult<Row extends readonly unknown[] = unknown[]> {
  columns: string[]
  types: string[]
  /** Every row, pages concatenated in window order. */
  results: Row[]
  /** Number of pages (requests that produced rows). */
  pageCount: number
  /** Windows re-read smaller: they came back full, or PostHog gave up on them (time, memory). */
  splits: number
  /** The HogQL sent for the first page. */
  query: string
  elapsedMs: number
}
