import type { Catalog, HogQLValue } from '../config/index'
import type { AccountDirectory } from '../resolve/index'
import type { BucketGrain } from '../schedule/index'
import type { AccountLookup } from './AccountMatcher'
import type { RecordSink } from './RecordSink'

/** A time range `[start, end)` filled into `{period_start}`/`{period_end}`. */
export interface SyncWindow {
  start: Date
  end: Date
}

/** One page of rows, as the client's `pages()` yields it: the complete result of one window. */
export interface SyncQueryPage {
  columns: readonly string[]
  /** ClickHouse type per column, in column order. */
  types: readonly string[]
  results: readonly (readonly unknown[])[]
  /** The HogQL sent for this page. */
  query: string
  /** PostHog's timings (seconds per step). */
  timings: readonly { k: string; t: number }[]
  /** Windows re-read smaller before this page: they came back full, or PostHog gave up on them (time, memory). */
  splits: number
  /** The window this page covers (the client's pages carry it); `null` or absent without a window. */
  window?: SyncWindow | null
}

/** Options the engine passes to `pages`. */
export interface SyncQueryOptions {
  window?: SyncWindow
  /** The saved query's grain in the project's zone: cut the window only on these bucket boundaries. */
  grain?: BucketGrain
  values?: Readonly<Record<string, HogQLValue>>
  /** The result column with each row's time (the mapping's timestamp column): windows are sized from its counts. */
  timeColumn?: string
  signal?: AbortSignal
  /** A label for PostHog's query log. */
  name?: string
}

/**
 * The part of the SDK's PostHog client the engine uses; `createPostHogClient(...)` satisfies it. `pages` reads every
 * row (splitting `{period_start}`/`{period_end}` windows that come back full, never OFFSET) and yields one page at a
 * time, so a sync of millions of rows holds one page in memory, not the whole result.
 */
export interface SyncQueryClient {
  pages(hogql: string, options: SyncQueryOptions): AsyncIterable<SyncQueryPage>
}

/** The time port: only the current time is read (durations and report stamps). */
export interface SyncClock {
  /** Milliseconds since the epoch. */
  now(): number
}

/** Where accounts come from: an index built once and shared (e.g. by `runTenant`), or the directory to build one. */
export type AccountSource =
  | { accounts: AccountLookup; directory?: undefined }
  | { directory: AccountDirectory; accounts?: undefined }

/** The host's ports for a sync run. */
export type SyncPorts = AccountSource & {
  /** Reads the query from PostHog. */
  client: SyncQueryClient
  /** Writes records (upserts on natural keys). Not called in a dry run. */
  sink: RecordSink
  /** What the host can write; mappings are checked against it before PostHog is called. */
  catalog: Catalog
  /** @default the system clock (`Date.now()`) */
  clock?: SyncClock
}
