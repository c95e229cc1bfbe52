/** Splits a whitespace-separated word list written as a readable block. */
const words = (list: string): readonly string[] => list.trim().split(/\s+/)

/**
 * HogQL's reserved words, from PostHog's grammar (`posthog/hogql/grammar/HogQLLexer.common.g4`) and the keyword and
 * operator lists of its Monaco editor. Words that HogQL also accepts as function calls (`if`, `left`, `right`, `trim`,
 * `substring`, `extract`) are listed as functions instead, so `if(` highlights and completes as a call.
 */
export const HOGQL_KEYWORDS = words(`
  all and anti any array as asc ascending asof between both by case cast cohort collate cross cube current day desc
  descending distinct else end except final first following for from full global group having hour ilike in inf inner
  intersect interval is join last leading like limit minute month nan not nulls offset on or order outer over partition
  preceding prewhere quarter range row rows sample second select semi settings then ties to top totals trailing
  unbounded union using week when where window with year
`)

/**
 * Type names accepted in `CAST(x AS T)` and `x::T`: HogQL's short names and the ClickHouse names it passes through.
 */
export const HOGQL_TYPES = words(`
  Int Integer Float String Date DateTime DateTime64 Boolean Bool UUID Decimal Array Nullable
  Int8 Int16 Int32 Int64 UInt8 UInt16 UInt32 UInt64 Float32 Float64
`)
