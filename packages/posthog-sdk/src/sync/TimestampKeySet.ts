import { daysInMonth } from '../mapping/coerce/coerceTimestamp'
import { StringIds } from './StringIds'

/**
 * Remembers natural keys `(account, metric, timestamp)` exactly, with the row that first had each, for product_usage
 * results whose timestamps hardly repeat (per-event rows with microseconds). Numbering every timestamp would cost a
 * `Map` entry per row, and keeping the strings would keep a million young strings alive for the garbage collector.
 * Instead a timestamp in the engine's ISO form (`YYYY-MM-DDThh:mm:ss[.f{1,9}]Z`) is read as three integers that
 * spell it exactly (date digits, time digits with the fraction's length, fraction digits). Any other text (an
 * expanded year) is numbered by a small map instead. Equal keys, and only they, compare equal.
 *
 * Keys are kept in one table per date, `[account, metric, time, fraction, row]` per slot. One table for a million
 * keys is a 48 MB array read at random, and on this kind of machine each such read misses the cache and the TLB
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
  /** The date {@link dayMs} is midnight of (an ISO date as YYYYMMDD), -2 before the first. */
  private msDate = -2
  private dayMs = 0

  /** @param initialCapacity keys a date's table holds before it first grows */
  constructor(private readonly initialCapacity = 64) {}

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
    const { date, time } = this
    const month = Math.floor(date / 100) % 100
    const day = date % 100
    const clock = Math.floor(time / 10)
    return (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      (day <= 28 || day <= daysInMonth(Math.floor(date / 10_000), month)) &&
      clock < 240_000 &&
      Math.floor(clock / 100) % 100 < 60 &&
      clock % 100 < 60
    )
  }

  /**
   * Writes to `out[index]` the milliseconds since the epoch of the timestamp of the last {@link readTimestamp} that
   * returned true, as `Date.parse` gives them (sub-millisecond digits dropped), without reading the text again.
   * Written, not returned: a double returned from a call V8 does not inline is boxed, i.e. allocated per row.
   */
  writeEpochMs(out: Float64Array, index: number): void {
    const { date, time, fraction } = this
    if (date !== this.msDate) {
      this.msDate = date
      this.dayMs = Date.UTC(Math.floor(date / 10_000), (Math.floor(date / 100) % 100) - 1, date % 100)
      // Date.UTC reads years 0-99 as 1900-1999; ISO years are as written.
      if (date < 1_000_000) this.dayMs = new Date(this.dayMs).setUTCFullYear(Math.floor(date / 10_000))
    }
    const clock = Math.floor(time / 10)
    const places = time % 10
    const seconds = Math.floor(clock / 10_000) * 3600 + (Math.floor(clock / 100) % 100) * 60 + (clock % 100)
    const ms = places <= 3 ? fraction * 10 ** (3 - places) : Math.floor(fraction / 10 ** (places - 3))
    out[index] = this.dayMs + seconds * 1000 + ms
  }

  /** As {@link addIfAbsent}, for the timestamp of the last {@link readTimestamp} that returned true. */
  addRead(account: number, metric: number, row: number): number {
    const { date } = this
    let day = this.lastDay
    if (date !== this.lastDate || day === undefined) {
      day = this.days.get(date)
      if (day === undefined) {
        // Sized like the last day filled, as consecutive days of one query hold similar numbers of rows.
        day = new DayKeys(Math.max(this.initialCapacity, this.lastDay?.size ?? 0))
        this.days.set(date, day)
      }
      this.lastDate = date
      this.lastDay = day
    }
    const first = day.addIfAbsent(account, metric, this.time, this.fraction, row)
    if (first === 0) this.count++
    return first
  }

  /** Reads `t` into date/time/fraction when it has the ISO form; false otherwise. */
  private spell(t: string): boolean {
    const n = t.length
    if (n < 20 || n === 21 || n > 30 || t.charCodeAt(n - 1) !== Z) return false
    if (t.charCodeAt(4) !== DASH || t.charCodeAt(7) !== DASH || t.charCodeAt(10) !== T) return false
    if (t.charCodeAt(13) !== COLON || t.charCodeAt(16) !== COLON) return false
    const year = digits(t, 0, 4)
    const month = digits(t, 5, 7)
    const day = digits(t, 8, 10)
    const hour = digits(t, 11, 13)
    const minute = digits(t, 14, 16)
    const second = digits(t, 17, 19)
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return false
    let fraction = 0
    if (n > 20) {
      if (t.charCodeAt(19) !== DOT) return false
      fraction = digits(t, 20, n - 1)
      if (fraction < 0) return false
    }
    const date = year * 10_000 + month * 100 + day
    const clock = hour * 10_000 + minute * 100 + second
    this.date = date
    // The fraction's length is part of the text: `.5Z` and `.500Z` are different keys, as their strings are.
    this.time = clock * 10 + (n > 20 ? n - 21 : 0)
    this.fraction = fraction
    return true
  }
}

/** The date of the table that holds texts not in the ISO form (ISO dates are 8-digit numbers). */
const OTHER_TEXTS = -1
/** A slot: `[account, metric, time, fraction, row]`; row 0 (rows are 1-based) marks an empty slot. */
const SLOT = 5
const Z = 90
const T = 84
const DASH = 45
const COLON = 58
const DOT = 46

/** The decimal value of `t[from..to)`, or -1 when a character is not a digit. */
function digits(t: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) {
    const d = t.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    value = value * 10 + d
  }
  return value
}

function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)
  h = Math.imul(h ^ c, 0xc2b2ae3d) ^ Math.imul(d, 0x27d4eb2f)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  return h ^ (h >>> 13)
}

/** The keys of one date: an open-addressing table, at most half full. */
class DayKeys {
  private mask: number
  private slots: Int32Array
  private count = 0

  get size(): number {
    return this.count
  }

  constructor(initialCapacity: number) {
    let capacity = 16
    while (capacity < initialCapacity * 2) capacity *= 2
    this.mask = capacity - 1
    this.slots = new Int32Array(capacity * SLOT)
  }

  addIfAbsent(account: number, metric: number, time: number, fraction: number, row: number): number {
    const { slots, mask } = this
    for (let slot = hash(account, metric, time, fraction) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT
      const first = slots[at + 4] as number
      if (first === 0) {
        slots[at] = account
        slots[at + 1] = metric
        slots[at + 2] = time
        slots[at + 3] = fraction
        slots[at + 4] = row
        if (++this.count * 2 > mask) this.grow()
        return 0
      }
      if (slots[at + 3] === fraction && slots[at + 2] === time && slots[at] === account && slots[at + 1] === metric) {
        return first
      }
    }
  }

  private grow(): void {
    const old = this.slots
    const capacity = (this.mask + 1) * 2
    const mask = capacity - 1
    const slots = new Int32Array(capacity * SLOT)
    for (let i = 0; i < old.length; i += SLOT) {
      if (old[i + 4] === 0) continue
      let slot = hash(old[i] as number, old[i + 1] as number, old[i + 2] as number, old[i + 3] as number) & mask
      while (slots[slot * SLOT + 4] !== 0) slot = (slot + 1) & mask
      // Copied field by field: a subarray per key would allocate a typed-array view per key moved.
      const at = slot * SLOT
      slots[at] = old[i] as number
      slots[at + 1] = old[i + 1] as number
      slots[at + 2] = old[i + 2] as number
      slots[at + 3] = old[i + 3] as number
      slots[at + 4] = old[i + 4] as number
    }
    this.mask = mask
    this.slots = slots
  }
}
