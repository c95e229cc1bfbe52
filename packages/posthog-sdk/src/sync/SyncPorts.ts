import type { Catalog, HogQLValue } from '../config/index'
import type { AccountDirectory } from '../resolve/index'
import type { AccountLookup } from './AccountMatcher'
import type { RecordSink } from './RecordSink'

/** A time range `[start, end)` filled into `{period_start}`/`{period_end}`. */
export interface SyncWindow {
  start: Date
  end: Date
}

/** One page the client read, as the engine uses it for progress and the report. */
export interface SyncQueryPage {
  /** The HogQL sent for this page. */
  query: string
  timings: readonly { k: string; t: number }[]
  results: readonly unknown[]
  /** Windows re-read smaller before this page because they came back full. */
  splits: number
}

/** Options the engine passes to `queryAll`. */
export interface SyncQueryOptions {
  window?: SyncWindow
  values?: Readonly<Record<string, HogQLValue>>
  signal?: AbortSignal
  name?: string
  onPage?: (page: SyncQueryPage) => void
}

/** All rows of a query, as `queryAll` returns them (never partial: it throws instead). */
export interface SyncQueryResult {
  columns: readonly string[]
  /** ClickHouse type per column, in column order. */
  types: readonly string[]
  results: readonly (readonly unknown[])[]
  elapsedMs: number
}

/** The part of the SDK's PostHog client the engine uses; `createPostHogClient(...)` satisfies it. */
export interface SyncQueryClient {
  queryAll(hogql: string, options: SyncQueryOptions): Promise<SyncQueryResult>
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
