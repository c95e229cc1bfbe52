/** What a HogQL function does to rows: aggregates collapse groups, window functions need `OVER (...)`. */
export type HogQLFunctionKind = 'aggregate' | 'window' | 'scalar'

/** One HogQL function offered by completion and highlighted as a builtin. */
export interface HogQLFunction {
  /** The name exactly as HogQL spells it (HogQL function names are case-sensitive). */
  readonly name: string
  /** Argument list and result, e.g. `(expr) → UInt64`. */
  readonly signature: string
  /** One line saying what it is for. */
  readonly description: string
  readonly kind: HogQLFunctionKind
}

type Row = readonly [name: string, signature: string, description: string]

const group = (kind: HogQLFunctionKind, rows: readonly Row[]): HogQLFunction[] =>
  rows.map(([name, signature, description]) => ({ name, signature, description, kind }))

/**
 * A curated set of the HogQL functions product-usage queries use, checked against PostHog's function registry
 * (`posthog/hogql/functions/mapping.py`) and the names its own editor suggests. PostHog exposes about 1,160 names, most of
 * them aggregate-combinator variants (`sumOrNull`, `countDistinctForEachIf`); those still run, they are just not offered.
 * Note that HogQL's `toInt`, `toFloat`, `toDate` and `toDateTime` return NULL on bad input (PostHog maps them to the
 * ClickHouse `...OrNull` variants), and `now()` is evaluated in the project's time zone.
 */
export const HOGQL_FUNCTIONS: readonly HogQLFunction[] = [
  ...group('aggregate', [
    ['count', '(expr?) → UInt64', 'Number of rows, or of non-NULL values of expr'],
    ['countIf', '(cond) → UInt64', 'Number of rows where cond is true'],
    ['countDistinct', '(expr) → UInt64', 'Number of distinct values (exact)'],
    ['countDistinctIf', '(expr, cond) → UInt64', 'Number of distinct values among rows where cond is true'],
    ['uniq', '(expr) → UInt64', 'Approximate number of distinct values'],
    ['uniqIf', '(expr, cond) → UInt64', 'Approximate distinct count among rows where cond is true'],
    ['uniqExact', '(expr) → UInt64', 'Exact number of distinct values'],
    ['sum', '(expr) → number', 'Sum of values'],
    ['sumIf', '(expr, cond) → number', 'Sum of values where cond is true'],
    ['avg', '(expr) → Float64', 'Arithmetic mean'],
    ['avgIf', '(expr, cond) → Float64', 'Mean of values where cond is true'],
    ['min', '(expr) → T', 'Smallest value'],
    ['minIf', '(expr, cond) → T', 'Smallest value where cond is true'],
    ['max', '(expr) → T', 'Largest value'],
    ['maxIf', '(expr, cond) → T', 'Largest value where cond is true'],
    ['median', '(expr) → Float64', 'Approximate median'],
    ['quantile', '(level)(expr) → Float64', 'Approximate quantile, e.g. quantile(0.9)(duration)'],
    ['quantiles', '(l1, l2, …)(expr) → Array', 'Several approximate quantiles at once'],
    ['argMax', '(arg, val) → T', 'Value of arg on the row where val is largest'],
    ['argMin', '(arg, val) → T', 'Value of arg on the row where val is smallest'],
    ['any', '(expr) → T', 'Any one value of the group'],
    ['anyLast', '(expr) → T', 'The last value met'],
    ['groupArray', '(expr) → Array', 'All values of the group as an array'],
    ['groupUniqArray', '(expr) → Array', 'Distinct values of the group as an array'],
    ['topK', '(k)(expr) → Array', 'Approximately the k most frequent values'],
    ['stddevPop', '(expr) → Float64', 'Population standard deviation'],
    ['varPop', '(expr) → Float64', 'Population variance'],
    ['corr', '(x, y) → Float64', 'Pearson correlation coefficient'],
    ['windowFunnel', '(window)(timestamp, cond1, cond2, …) → UInt8', 'Longest chain of funnel steps within the window'],
  ]),
  ...group('window', [
    ['row_number', '() → UInt64', 'Row number within the window partition'],
    ['rank', '() → UInt64', 'Rank with gaps within the window partition'],
    ['dense_rank', '() → UInt64', 'Rank without gaps within the window partition'],
    ['lagInFrame', '(expr, offset?, default?) → T', 'Value from an earlier row of the frame'],
    ['leadInFrame', '(expr, offset?, default?) → T', 'Value from a later row of the frame'],
    ['first_value', '(expr) → T', 'First value of the frame'],
    ['last_value', '(expr) → T', 'Last value of the frame'],
  ]),
  ...group('scalar', [
    // Dates and times
    ['now', '() → DateTime64', 'Current time in the project time zone'],
    ['today', '() → Date', 'Current date'],
    ['yesterday', '() → Date', "Yesterday's date"],
    ['toDate', '(expr) → Date?', 'Date from a string or timestamp (NULL when unparsable)'],
    ['toDateTime', '(expr, tz?) → DateTime?', 'Timestamp from a string or number (NULL when unparsable)'],
    ['toTimeZone', '(timestamp, tz) → DateTime', 'The same instant shown in another time zone'],
    ['toStartOfDay', '(timestamp) → DateTime', 'Start of the day'],
    ['toStartOfHour', '(timestamp) → DateTime', 'Start of the hour'],
    ['toStartOfWeek', '(timestamp, mode?) → Date', 'Start of the week (Sunday by default; mode 1 for Monday)'],
    ['toMonday', '(timestamp) → Date', 'Monday of the week'],
    ['toStartOfMonth', '(timestamp) → Date', 'First day of the month'],
    ['toStartOfQuarter', '(timestamp) → Date', 'First day of the quarter'],
    ['toStartOfYear', '(timestamp) → Date', 'First day of the year'],
    ['toStartOfInterval', '(timestamp, INTERVAL n unit) → DateTime', 'Start of the enclosing interval'],
    ['toUnixTimestamp', '(timestamp) → UInt32', 'Seconds since 1970-01-01 UTC'],
    ['fromUnixTimestamp', '(seconds) → DateTime', 'Timestamp from seconds since 1970-01-01 UTC'],
    ['dateDiff', "('unit', start, end) → Int64", "Whole units between two times, e.g. dateDiff('day', a, b)"],
    ['dateAdd', "('unit', n, date) → DateTime", 'Date plus n units'],
    ['dateSub', "('unit', n, date) → DateTime", 'Date minus n units'],
    ['dateTrunc', "('unit', timestamp) → DateTime", 'Timestamp truncated to the unit'],
    ['toYear', '(timestamp) → UInt16', 'Year'],
    ['toMonth', '(timestamp) → UInt8', 'Month (1–12)'],
    ['toDayOfWeek', '(timestamp) → UInt8', 'Day of week (1 = Monday … 7 = Sunday)'],
    ['toDayOfMonth', '(timestamp) → UInt8', 'Day of month'],
    ['toHour', '(timestamp) → UInt8', 'Hour of day'],
    ['formatDateTime', "(timestamp, '%Y-%m-%d') → String", 'Timestamp formatted with a pattern'],
    ['toIntervalDay', '(n) → Interval', 'An interval of n days'],
    ['toIntervalHour', '(n) → Interval', 'An interval of n hours'],
    ['toIntervalMonth', '(n) → Interval', 'An interval of n months'],
    // Conversions and conditionals
    ['toString', '(expr) → String', 'Value as text'],
    ['toInt', '(expr) → Int64?', 'Integer from a string or number (NULL when unparsable)'],
    ['toFloat', '(expr) → Float64?', 'Number from a string (NULL when unparsable)'],
    ['toUUID', '(expr) → UUID', 'UUID from its text form'],
    ['parseDateTimeBestEffort', '(text) → DateTime', 'Timestamp from text in most common formats'],
    ['coalesce', '(a, b, …) → T', 'First argument that is not NULL'],
    ['ifNull', '(expr, fallback) → T', 'expr, or fallback when expr is NULL'],
    ['nullIf', '(a, b) → T?', 'NULL when a equals b, else a'],
    ['isNull', '(expr) → UInt8', 'Whether expr is NULL'],
    ['isNotNull', '(expr) → UInt8', 'Whether expr is not NULL'],
    ['if', '(cond, then, else) → T', 'then when cond is true, else otherwise'],
    ['multiIf', '(cond1, then1, cond2, then2, …, else) → T', 'First matching branch'],
    ['greatest', '(a, b, …) → T', 'Largest argument'],
    ['least', '(a, b, …) → T', 'Smallest argument'],
    // Strings
    ['lower', '(text) → String', 'Lower case'],
    ['upper', '(text) → String', 'Upper case'],
    ['length', '(text | array) → UInt64', 'Length in bytes, or number of array elements'],
    ['concat', '(a, b, …) → String', 'Texts joined together'],
    ['substring', '(text, offset, length?) → String', 'Part of a text (offset starts at 1)'],
    ['trim', '(text) → String', 'Text without leading and trailing spaces'],
    ['replaceAll', '(text, from, to) → String', 'Every occurrence replaced'],
    ['replaceRegexpAll', '(text, regexp, to) → String', 'Every regexp match replaced'],
    ['extract', '(text, regexp) → String', 'First regexp match (or its first group)'],
    ['match', '(text, regexp) → UInt8', 'Whether the regexp matches'],
    ['like', "(text, 'pattern%') → UInt8", 'SQL LIKE match'],
    ['ilike', "(text, 'pattern%') → UInt8", 'Case-insensitive LIKE match'],
    ['position', '(text, needle) → UInt64', 'Position of needle (1-based, 0 when absent)'],
    ['splitByChar', "(',', text) → Array(String)", 'Text split on a character'],
    ['splitByString', "(', ', text) → Array(String)", 'Text split on a separator'],
    ['startsWith', '(text, prefix) → UInt8', 'Whether text starts with prefix'],
    ['endsWith', '(text, suffix) → UInt8', 'Whether text ends with suffix'],
    // JSON, arrays and URLs
    ['JSONExtractString', "(json, 'key', …) → String", 'String at a path of a JSON text'],
    ['JSONExtractInt', "(json, 'key', …) → Int64", 'Integer at a path of a JSON text'],
    ['JSONExtractFloat', "(json, 'key', …) → Float64", 'Number at a path of a JSON text'],
    ['JSONExtractBool', "(json, 'key', …) → UInt8", 'Boolean at a path of a JSON text'],
    ['JSONExtractRaw', "(json, 'key', …) → String", 'Raw JSON at a path'],
    ['JSONExtractArrayRaw', "(json, 'key', …) → Array(String)", 'Elements of a JSON array as raw JSON'],
    ['JSONHas', "(json, 'key', …) → UInt8", 'Whether the path exists'],
    ['arrayJoin', '(array) → T', 'One row per array element'],
    ['has', '(array, value) → UInt8', 'Whether the array contains value'],
    ['hasAny', '(array, values) → UInt8', 'Whether the arrays share an element'],
    ['indexOf', '(array, value) → UInt64', 'Position of value (1-based, 0 when absent)'],
    ['arrayMap', '(x -> expr, array) → Array', 'Array with expr applied to each element'],
    ['arrayFilter', '(x -> cond, array) → Array', 'Elements for which cond is true'],
    ['arrayExists', '(x -> cond, array) → UInt8', 'Whether any element satisfies cond'],
    ['arraySort', '(array) → Array', 'Sorted array'],
    ['arrayDistinct', '(array) → Array', 'Array without duplicates'],
    ['arrayStringConcat', '(array, separator?) → String', 'Elements joined into one text'],
    ['domain', '(url) → String', 'Host name of a URL'],
    ['domainWithoutWWW', '(url) → String', 'Host name without a leading www.'],
    ['path', '(url) → String', 'Path of a URL, without the query string'],
    ['extractURLParameter', "(url, 'name') → String", 'Value of a query-string parameter'],
    ['cutQueryString', '(url) → String', 'URL without its query string'],
    // Numbers
    ['round', '(x, digits?) → number', 'Rounded value'],
    ['floor', '(x) → number', 'Largest integer not above x'],
    ['ceil', '(x) → number', 'Smallest integer not below x'],
    ['abs', '(x) → number', 'Absolute value'],
    ['intDiv', '(a, b) → Int', 'Integer division'],
    ['sqrt', '(x) → Float64', 'Square root'],
    ['log', '(x) → Float64', 'Natural logarithm'],
  ]),
]
