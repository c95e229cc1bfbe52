import { type BucketGrain, bucketStart, nextBucketStart } from '../../schedule/bucketStart'

/** Where {@link readPages} may cut a `{period_start}`..`{period_end}` range into windows. */
export interface WindowSplitter {
  /** Where a window read from `cursor` should start: the cursor itself, or the start of its bucket. */
  start(cursor: number): number
  /** The end of a window from `cursor` of about `span` ms, never past `end`. */
  end(cursor: number, span: number, end: number): number
  /** A point strictly inside `[start, end)` to cut a full window at, or `undefined` when it cannot be cut. */
  split(start: number, end: number): number | undefined
  /** Why a full window that cannot be cut is too dense, and what to do. */
  tooDense(start: Date, end: Date, pageSize: number): string
}

/** Cuts anywhere, halving on whole seconds (so bounds stay readable) down to `minWindowMs`. */
export function plainSplitter(minWindowMs: number): WindowSplitter {
  return {
    start: (cursor) => cursor,
    end: (cursor, span, end) => Math.min(end, cursor + Math.max(minWindowMs, span)),
    split: (start, end) => {
      const length = end - start
      return length <= minWindowMs ? undefined : start + Math.max(minWindowMs, Math.floor(length / 2 / 1000) * 1000)
    },
    tooDense: (start, end, pageSize) =>
      `The window ${start.toISOString()} – ${end.toISOString()} alone holds more than ${pageSize} rows, and it cannot be split below ${minWindowMs} ms. Lower minWindowMs, select fewer rows per period (aggregate), or narrow the filters.`,
  }
}

/**
 * Cuts only on bucket boundaries of `grain`, so each bucket's aggregate is computed from all its rows in one window:
 * a cut inside a bucket would yield two partial values for the same key, and the second would replace the first.
 */
export function bucketSplitter(grain: BucketGrain): WindowSplitter {
  const startOf = (at: number) => bucketStart(new Date(at), grain).getTime()
  const after = (at: number) => nextBucketStart(new Date(at), grain).getTime()
  return {
    start: startOf,
    end: (cursor, span, end) => {
      if (cursor + span >= end) return end
      // The last bucket boundary within the span, but at least one whole bucket.
      const cut = Math.max(startOf(cursor + span), after(cursor))
      return Math.min(end, cut)
    },
    split: (start, end) => {
      if (end <= after(start)) return undefined
      // About half the buckets: the boundary at or before the midpoint, but past the first bucket.
      return Math.max(startOf(start + (end - start) / 2), after(start))
    },
    tooDense: (start, _end, pageSize) =>
      `The ${grain.unit} bucket starting ${start.toISOString()} (${grain.timeZone}) alone holds more than ${pageSize} rows, and a bucket is never split: its two halves would write partial values for the same keys. Use a finer grain (e.g. hour instead of day) or fewer groups per bucket (aggregate further or narrow the filters).`,
  }
}
