/**
 * The part of a PostHog HogQL result that mapping reads: column names, `[name, clickhouseType]` pairs and rows.
 * The client's results and a preview sample both fit.
 */
export interface ResultHeader {
  readonly columns: readonly string[]
  /**
   * ClickHouse types: either one per column in column order (the client's `types: string[]`) or PostHog's raw
   * `[name, type]` pairs. When absent or partial, values are coerced by their JS type alone.
   */
  readonly types?: readonly (string | readonly [string, string])[] | null
}

/** A result with its rows (each row in column order). */
export interface QueryResultLike extends ResultHeader {
  readonly rows: readonly (readonly unknown[])[]
}
