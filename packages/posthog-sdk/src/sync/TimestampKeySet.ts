import { daysInMonth } from '../mapping/coerce/coerceTimestamp'
import { type Int32ArrayPool, keyTablePool } from './Int32ArrayPool'
import { StringIds } from './StringIds'

/**
 * Remembers natural keys `(account, metric, timestamp)` exactly, with the row that first had each, for product_usage
 * results whose timestamps hardly repeat (per-event rows with microseconds). Numbering every timestamp would cost a
 * `Map` entry per row, and keeping the strings would keep a million young strings alive for the garbage collector.
 * Instead a timestamp in the engine's ISO form (`YYYY-MM-DDThh:mm:ss[.f{1,9}]Z`) is read as three integers that
 * spell it exactly (date digits, time digits with the fraction's length, fraction digits). Any other text (an
 * expanded year) is numbered by a small map instead. Equal keys, and only they, compare equal.
 *
 * Keys are kept per date (`DayKeys`: a table of hashes over the keys in order of arrival). One table of whole keys
 * for a million keys was a 48 MB array read at random, and on this kind of machine each such read misses the cache and the TLB
 * (~0.5 µs a key, more than parsing the row). PostHog reads a window's rows grouped by day (the events table is
 * sorted by date first, and pages are time windows), so the tables a run is filling at any moment stay small.
 */
export class TimestampKeySet {
  private readonly days = new Map<number, DayKeys>()
  /** The date of {@link lastDay}; no ISO date or {@link OTHER_TEXTS} is -2. */
  private lastDate = -2
  private lastDay: DayKeys | undefined
  private count = 0
  private readonly others = new StringIds()
  private date = 0
  private time = 0
  private fraction = 0
  // The fields of the last text spelled, for the range check and the epoch time.
  private month = 0
  private day = 0
  private hour = 0
  private minute = 0
  private second = 0
  private places = 0
  /** The date {@link dayMs} is midnight of (an ISO date as YYYYMMDD), -2 before the first. */
  private msDate = -2
  private dayMs = 0

  /**
   * @param initialCapacity keys a date's table holds before it first grows
   * @param pool where the tables' memory comes from and goes back to ({@link release}, and as a table grows)
   */
  constructor(
    private readonly initialCapacity = 64,
    private readonly pool: Int32ArrayPool = keyTablePool,
  ) {}

  /** Number of distinct keys recorded. */
  get size(): number {
    return this.count
  }

  /**
   * Records the key `(account, metric, timestamp)` for `row` (1-based) unless present.
   * @returns 0 when the key is new, else the row that first had it.
   */
  addIfAbsent(account: number, metric: number, timestamp: string, row: number): number {
    if (!this.spell(timestamp)) {
      // Texts that are not in the ISO form share one table, told apart by their number.
      this.date = OTHER_TEXTS
      this.time = this.others.idOf(timestamp)
      this.fraction = 0
    }
    return this.addRead(account, metric, row)
  }

  /**
   * Reads `t` for {@link addRead} when it is PostHog's own UTC form with every field in range (month, day of the month,
   * hour, minute, second): exactly the texts `coerceTimestamp` keeps as written, so a caller that gets true has the
   * coerced value (`t` itself) without validating the text a second time.
   */
  readTimestamp(t: string): boolean {
    if (!this.spell(t)) return false
    const { month, day } = this
    return (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      (day <= 28 || day <= daysInMonth(Math.floor(this.date / 10_000), month)) &&
      this.hour < 24 &&
      this.minute < 60 &&
      this.second < 60
    )
  }

  /**
   * Writes to `out[index]` the milliseconds since the epoch of the timestamp of the last {@link readTimestamp} that
   * returned true, as `Date.parse` gives them (sub-millisecond digits dropped), without reading the text again.
   * Written, not returned: a double returned from a call V8 does not inline is boxed, i.e. allocated per row.
   */
  writeEpochMs(out: Float64Array, index: number): void {
    const { date, places } = this
    if (date !== this.msDate) {
      this.msDate = date
      // Date.UTC reads years 0-99 as 1900-1999; ISO years are as written.
      const midnight = new Date(0)
      midnight.setUTCFullYear(Math.floor(date / 10_000), this.month - 1, this.day)
      this.dayMs = midnight.getTime()
    }
    const ms =
      places <= 3
        ? this.fraction * (POWERS_OF_TEN[3 - places] as number)
        : Math.floor(this.fraction / (POWERS_OF_TEN[places - 3] as number))
    out[index] = this.dayMs + ((this.hour * 60 + this.minute) * 60 + this.second) * 1000 + ms
  }

  /** As {@link addIfAbsent}, for the timestamp of the last {@link readTimestamp} that returned true. */
  addRead(account: number, metric: number, row: number): number {
    const { date } = this
    let day = this.lastDay
    if (date !== this.lastDate || day === undefined) {
      day = this.days.get(date)
      if (day === undefined) {
        // Sized like the last day filled, as consecutive days of one query hold similar numbers of rows.
        day = new DayKeys(Math.max(this.initialCapacity, this.lastDay?.size ?? 0), this.pool)
        this.days.set(date, day)
      }
      this.lastDate = date
      this.lastDay = day
    }
    const first = day.addIfAbsent(account, metric, this.time, this.fraction, row)
    if (first === 0) this.count++
    return first
  }

  /** Forgets every key and gives the tables' memory back to the pool (for the next run to reuse). */
  release(): void {
    for (const day of this.days.values()) day.release()
    this.days.clear()
    this.lastDate = -2
    this.lastDay = undefined
    this.count = 0
    this.others.clear()
  }

  /**
   * Reads `t` into date/time/fraction (and the fields) when it has the ISO form, whatever the fields' ranges;
   * false otherwise. Straight-line reads of fixed positions: this runs once per per-event row.
   */
  private spell(t: string): boolean {
    const n = t.length
    if (n < 20 || n === 21 || n > 30 || t.charCodeAt(n - 1) !== Z) return false
    if (t.charCodeAt(4) !== DASH || t.charCodeAt(7) !== DASH || t.charCodeAt(10) !== T) return false
    if (t.charCodeAt(13) !== COLON || t.charCodeAt(16) !== COLON) return false
    const y0 = t.charCodeAt(0) - 48
    const y1 = t.charCodeAt(1) - 48
    const y2 = t.charCodeAt(2) - 48
    const y3 = t.charCodeAt(3) - 48
    const mo0 = t.charCodeAt(5) - 48
    const mo1 = t.charCodeAt(6) - 48
    const d0 = t.charCodeAt(8) - 48
    const d1 = t.charCodeAt(9) - 48
    const h0 = t.charCodeAt(11) - 48
    const h1 = t.charCodeAt(12) - 48
    const mi0 = t.charCodeAt(14) - 48
    const mi1 = t.charCodeAt(15) - 48
    const s0 = t.charCodeAt(17) - 48
    const s1 = t.charCodeAt(18) - 48
    // A digit is 0-9: no sign bit after `- 48`, and no bit above the low four once 6 is added (9 + 6 = 15).
    const all = y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1
    const high =
      (y0 + 6) | (y1 + 6) | (y2 + 6) | (y3 + 6) | (mo0 + 6) | (mo1 + 6) | (d0 + 6) | (d1 + 6) | (h0 + 6) | (h1 + 6)
    if (all < 0 || high > 15 || ((mi0 + 6) | (mi1 + 6) | (s0 + 6) | (s1 + 6)) > 15) return false
    let fraction = 0
    if (n > 20) {
      if (t.charCodeAt(19) !== DOT) return false
      for (let i = 20; i < n - 1; i++) {
        const d = t.charCodeAt(i) - 48
        if (d < 0 || d > 9) return false
        fraction = fraction * 10 + d
      }
    }
    const month = mo0 * 10 + mo1
    const day = d0 * 10 + d1
    const hour = h0 * 10 + h1
    const minute = mi0 * 10 + mi1
    const second = s0 * 10 + s1
    // The fraction's length is part of the text: `.5Z` and `.500Z` are different keys, as their strings are.
    const places = n > 20 ? n - 21 : 0
    this.date = (((y0 * 10 + y1) * 10 + y2) * 10 + y3) * 10_000 + month * 100 + day
    this.time = ((hour * 100 + minute) * 100 + second) * 10 + places
    this.fraction = fraction
    this.month = month
    this.day = day
    this.hour = hour
    this.minute = minute
    this.second = second
    this.places = places
    return true
  }
}

/** The date of the table that holds texts not in the ISO form (ISO dates are 8-digit numbers). */
const OTHER_TEXTS = -1
/** A key: `[account, metric, time, fraction, row]`. */
const KEY = 5
const Z = 90
const T = 84
const DASH = 45
const COLON = 58
const DOT = 46

/** 10^0 to 10^6, for scaling a fraction of up to 9 digits to milliseconds. */
const POWERS_OF_TEN = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)
  h = Math.imul(h ^ c, 0xc2b2ae3d) ^ Math.imul(d, 0x27d4eb2f)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  return h ^ (h >>> 13)
}

/**
 * The keys of one date: an open-addressing table, at most half full, of `[hash, key number + 1]` pairs (0: empty),
 * over the keys themselves stored in order of arrival. A lookup reads 8 bytes at random and the key only when its
 * 32-bit hash matches (a repeat, or one chance in 2^32): the part read at random is 2.5 times smaller than a table
 * of whole keys, so more of it stays in the cache. Growing re-places the pairs by their hash, never reading a key.
 */
class DayKeys {
  private mask: number
  private slots: Int32Array
  private keys: Int32Array
  private count = 0

  get size(): number {
    return this.count
  }

  constructor(
    initialCapacity: number,
    private readonly pool: Int32ArrayPool,
  ) {
    let capacity = 16
    while (capacity < initialCapacity * 2) capacity *= 2
    this.mask = capacity - 1
    this.slots = pool.acquire(capacity * 2)
    this.keys = pool.acquire((capacity / 2) * KEY)
  }

  /** Gives the table's memory back to the pool; the table must not be used afterwards. */
  release(): void {
    this.pool.release(this.slots)
    this.pool.release(this.keys)
  }

  addIfAbsent(account: number, metric: number, time: number, fraction: number, row: number): number {
    const { slots, mask } = this
    const h = hash(account, metric, time, fraction)
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const number = slots[slot * 2 + 1] as number
      if (number === 0) {
        const { keys } = this
        const at = this.count * KEY
        keys[at] = account
        keys[at + 1] = metric
        keys[at + 2] = time
        keys[at + 3] = fraction
        keys[at + 4] = row
        slots[slot * 2] = h
        slots[slot * 2 + 1] = ++this.count
        if (this.count * 2 > mask) this.grow()
        return 0
      }
      if (slots[slot * 2] === h) {
        const { keys } = this
        const at = (number - 1) * KEY
        if (keys[at + 3] === fraction && keys[at + 2] === time && keys[at] === account && keys[at + 1] === metric) {
          return keys[at + 4] as number
        }
      }
    }
  }

  private grow(): void {
    const old = this.slots
    const capacity = (this.mask + 1) * 2
    const mask = capacity - 1
    const slots = this.pool.acquire(capacity * 2)
    for (let i = 0; i < old.length; i += 2) {
      const number = old[i + 1] as number
      if (number === 0) continue
      const h = old[i] as number
      let slot = h & mask
      while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask
      slots[slot * 2] = h
      slots[slot * 2 + 1] = number
    }
    const keys = this.pool.acquire((capacity / 2) * KEY)
    keys.set(this.keys)
    this.pool.release(old)
    this.pool.release(this.keys)
    this.mask = mask
    this.slots = slots
    this.keys = keys
  }
}
