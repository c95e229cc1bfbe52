/**
 * HogQL's function registry for the subset the emulator supports: name → ClickHouse name and arity.
 * Functions not listed here fail as PostHog fails them: `Unsupported function call 'x(...)'`.
 * SRC: PostHog/posthog `posthog/hogql/functions/mapping.py` (HOGQL_CLICKHOUSE_FUNCTIONS, HOGQL_AGGREGATIONS).
 */
export interface FunctionMeta {
  /** ClickHouse function name. */
  ch: string
  min: number
  max: number
  /** What the function returns, for the few places the printer picks a ClickHouse overload by type. */
  returns?: 'datetime' | 'date' | 'string' | 'number'
}

const fn = (ch: string, min: number, max: number, returns?: FunctionMeta['returns']): FunctionMeta =>
  returns === undefined ? { ch, min, max } : { ch, min, max, returns }

const same = (names: string, min: number, max: number, returns?: FunctionMeta['returns']) =>
  Object.fromEntries(names.split(' ').map((name) => [name, fn(name, min, max, returns)]))

/** Plain (non-aggregate) functions. `toInt`, `toFloat`, `toDate`, `toDateTime`, `now` are special-cased by the printer. */
export const FUNCTIONS: Readonly<Record<string, FunctionMeta>> = {
  // dates and times
  ...same('toStartOfDay toStartOfHour toStartOfMinute toStartOfFiveMinutes toStartOfFifteenMinutes', 1, 2, 'datetime'),
  ...same('toStartOfWeek', 1, 3, 'date'),
  ...same('toStartOfMonth toStartOfQuarter toStartOfYear toMonday toStartOfISOYear', 1, 2, 'date'),
  ...same('toStartOfInterval', 2, 4, 'datetime'),
  ...same('toTimeZone', 2, 2, 'datetime'),
  ...same('toYear toQuarter toMonth toDayOfMonth toDayOfWeek toDayOfYear toHour toMinute toSecond', 1, 3, 'number'),
  ...same('toISOWeek toISOYear toYYYYMM toYYYYMMDD toYYYYMMDDhhmmss', 1, 2, 'number'),
  toWeek: fn('toWeek', 1, 3, 'number'),
  toUnixTimestamp: fn('toUnixTimestamp', 1, 2, 'number'),
  toUnixTimestamp64Milli: fn('toUnixTimestamp64Milli', 1, 1, 'number'),
  fromUnixTimestamp: fn('fromUnixTimestamp', 1, 1, 'datetime'),
  fromUnixTimestamp64Milli: fn('fromUnixTimestamp64Milli', 1, 2, 'datetime'),
  ...same('dateDiff dateAdd dateSub', 3, 4),
  date_diff: fn('dateDiff', 3, 4, 'number'),
  date_add: fn('dateAdd', 3, 3, 'datetime'),
  date_sub: fn('dateSub', 3, 3, 'datetime'),
  dateTrunc: fn('dateTrunc', 2, 3, 'datetime'),
  date_trunc: fn('dateTrunc', 2, 3, 'datetime'),
  today: fn('today', 0, 0, 'date'),
  yesterday: fn('yesterday', 0, 0, 'date'),
  formatDateTime: fn('formatDateTime', 2, 3, 'string'),
  ...same(
    'addSeconds addMinutes addHours addDays addWeeks addMonths addQuarters addYears subtractSeconds subtractMinutes subtractHours subtractDays subtractWeeks subtractMonths subtractQuarters subtractYears',
    2,
    2,
  ),
  ...same(
    'toIntervalSecond toIntervalMinute toIntervalHour toIntervalDay toIntervalWeek toIntervalMonth toIntervalQuarter toIntervalYear',
    1,
    1,
  ),
  // strings
  ...same('lower upper lowerUTF8 upperUTF8 reverse trimLeft trimRight base64Encode base64Decode hex', 1, 1, 'string'),
  trim: fn('trimBoth', 1, 1, 'string'),
  ...same('concat', 1, 100, 'string'),
  ...same('substring substr', 2, 3, 'string'),
  ...same('left right', 2, 2, 'string'),
  ...same('leftPad rightPad', 2, 3, 'string'),
  length: fn('length', 1, 1, 'number'),
  ...same('empty notEmpty', 1, 1, 'number'),
  ...same('replaceAll replaceOne replaceRegexpAll replaceRegexpOne', 3, 3, 'string'),
  ...same('extract', 2, 2, 'string'),
  ...same('extractAll splitByChar splitByString splitByRegexp', 2, 3),
  ...same('match like ilike notLike notILike startsWith endsWith', 2, 2, 'number'),
  ...same('position positionCaseInsensitive', 2, 3, 'number'),
  ...same('multiSearchAny', 2, 2, 'number'),
  toString: fn('toString', 1, 2, 'string'),
  format: fn('format', 1, 100, 'string'),
  ...same('cityHash64 sipHash64', 1, 100, 'number'),
  toUUID: fn('toUUIDOrNull', 1, 1),
  ...same('toInt8 toInt16 toInt32 toInt64 toUInt8 toUInt16 toUInt32 toUInt64 toFloat32 toFloat64', 1, 1, 'number'),
  // null handling and conditionals
  ...same('coalesce', 1, 100),
  ifNull: fn('ifNull', 2, 2),
  ifnull: fn('ifNull', 2, 2),
  ...same('nullIf', 2, 2),
  ...same('isNull isNotNull assumeNotNull toNullable', 1, 1),
  if: fn('if', 3, 3),
  multiIf: fn('multiIf', 3, 101),
  // comparison and logic as functions
  ...same('equals notEquals less greater lessOrEquals greaterOrEquals in notIn', 2, 2, 'number'),
  ...same('and or', 2, 100, 'number'),
  not: fn('not', 1, 1, 'number'),
  // JSON
  ...same('JSONExtractString JSONExtractRaw', 1, 100, 'string'),
  ...same('JSONExtractInt JSONExtractUInt JSONExtractFloat JSONExtractBool JSONLength JSONHas', 1, 100, 'number'),
  ...same('JSONExtractArrayRaw JSONExtractKeys JSONExtractKeysAndValues', 1, 100),
  JSONExtract: fn('JSONExtract', 2, 100),
  // arrays
  ...same('arrayJoin arrayDistinct arraySort arrayReverseSort arrayCompact arrayFlatten arrayUniq arraySum', 1, 2),
  ...same('has hasAny hasAll indexOf arrayElement arrayPushBack arrayPushFront', 2, 2),
  ...same('arrayMap arrayFilter arrayExists arrayAll arrayCount arrayFirst arrayLast arrayFirstIndex', 1, 10),
  ...same('arrayConcat arrayZip', 1, 100),
  ...same('arraySlice', 2, 3),
  ...same('arrayStringConcat', 1, 2, 'string'),
  ...same('range', 1, 3),
  ...same('array tuple map', 0, 100),
  // URLs
  ...same('domain domainWithoutWWW topLevelDomain protocol path pathFull cutQueryString cutFragment', 1, 1, 'string'),
  extractURLParameter: fn('extractURLParameter', 2, 2, 'string'),
  // math
  ...same('round roundBankers floor ceil trunc', 1, 2, 'number'),
  ...same('abs sqrt exp log log2 log10 sign negate', 1, 1, 'number'),
  ...same('pow power intDiv intDivOrZero plus minus multiply divide modulo', 2, 2, 'number'),
  ...same('greatest least', 2, 100),
  max2: fn('greatest', 2, 2),
  min2: fn('least', 2, 2),
  // types
  toTypeName: fn('toTypeName', 1, 1, 'string'),
  // window functions (used with OVER)
  ...same('row_number rank dense_rank', 0, 0, 'number'),
  ...same('lagInFrame leadInFrame', 1, 3),
  ...same('first_value last_value', 1, 1),
  nth_value: fn('nth_value', 2, 2),
}

/** Aggregate functions; `If`, `OrNull`, `Distinct`, `Array` and `ForEach` combinators are accepted on top. */
export const AGGREGATIONS: Readonly<Record<string, FunctionMeta>> = {
  count: fn('count', 0, 1, 'number'),
  countIf: fn('countIf', 1, 2, 'number'),
  countDistinct: fn('uniqExact', 1, 1, 'number'),
  ...same('uniq uniqExact uniqHLL12 uniqCombined', 1, 100, 'number'),
  ...same('sum avg min max any anyLast median stddevPop stddevSamp varPop varSamp', 1, 1),
  ...same('argMin argMax', 2, 2),
  ...same('quantile quantiles quantileExact quantileTiming medianExact', 1, 1),
  ...same('groupArray groupUniqArray groupBitAnd groupBitOr', 1, 1),
  topK: fn('topK', 1, 1),
  windowFunnel: fn('windowFunnel', 1, 100),
  retention: fn('retention', 1, 32),
  sequenceMatch: fn('sequenceMatch', 2, 34),
  sequenceCount: fn('sequenceCount', 2, 34),
  corr: fn('corr', 2, 2, 'number'),
}

const COMBINATORS = ['If', 'OrNull', 'Distinct', 'Array', 'ForEach', 'OrDefault']

/** Resolves an aggregate name, peeling combinators: `uniqIf` → uniq + If. Case-insensitive like PostHog's lookup. */
export function findAggregation(name: string): FunctionMeta | undefined {
  const direct = lookup(AGGREGATIONS, name)
  if (direct !== undefined) return direct
  for (const suffix of COMBINATORS) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      const base = findAggregation(name.slice(0, -suffix.length))
      if (base === undefined) continue
      const extra = suffix === 'If' ? 1 : 0
      return {
        ch: `${base.ch}${suffix}`,
        min: base.min + extra,
        max: base.max + extra,
        ...(base.returns ? { returns: base.returns } : {}),
      }
    }
  }
  return undefined
}

/** Looks up a plain function; an exact match wins, otherwise a case-insensitive one (PostHog's `_find_function`). */
export function findFunction(name: string): FunctionMeta | undefined {
  return lookup(FUNCTIONS, name)
}

function lookup(registry: Readonly<Record<string, FunctionMeta>>, name: string): FunctionMeta | undefined {
  if (Object.hasOwn(registry, name)) return registry[name]
  const lower = name.toLowerCase()
  const key = Object.keys(registry).find((candidate) => candidate.toLowerCase() === lower)
  return key === undefined ? undefined : registry[key]
}
