import { StringIds } from './StringIds'

/**
 * Remembers natural keys `(account, metric, timestamp)` exactly, with the row that first had each, for product_usage
 * results whose timestamps hardly repeat (per-event rows with microseconds). Numbering every timestamp would cost a
 * `Map` entry per row, and keeping the strings would keep a million young strings alive for the garbage collector.
 * Instead a timestamp in the engine's ISO form (`YYYY-MM-DDThh:mm:ss[.f{1,9}]Z`) is read as three integers that
 * spell it exactly (date digits, time digits with the fraction's length, fraction digits), so a key is six integers
 * in one typed-array slot `[account, metric, date, time, fraction, row]`. Any other text (an expanded year) is
 * numbered by a small map instead. Equal keys, and only they, compare equal.
 */
export class TimestampKeySet {
  private mask: number
  private slots: Int32Array
  private count = 0
  private readonly others = new StringIds()
  // The parts of the timestamp being added (set by `spell`).
  private date = 0
  private time = 0
  private fraction = 0

  constructor(initialCapacity = 1024) {
    let capacity = 16
    while (capacity < initialCapacity * 2) capacity *= 2
    this.mask = capacity - 1
    this.slots = new Int32Array(capacity * SLOT)
  }

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
      this.date = -1 - this.others.idOf(timestamp)
      this.time = 0
      this.fraction = 0
    }
    const { date, time, fraction, slots, mask } = this
    for (let slot = hash(account, metric, date, time, fraction) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT
      const first = slots[at + 5] as number
      if (first === 0) {
        slots[at] = account
        slots[at + 1] = metric
        slots[at + 2] = date
        slots[at + 3] = time
        slots[at + 4] = fraction
        slots[at + 5] = row
        if (++this.count * 2 > mask) this.grow()
        return 0
      }
      if (
        slots[at + 4] === fraction &&
        slots[at + 3] === time &&
        slots[at + 2] === date &&
        slots[at] === account &&
        slots[at + 1] === metric
      ) {
        return first
      }
    }
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

  private grow(): void {
    const old = this.slots
    const capacity = (this.mask + 1) * 2
    const mask = capacity - 1
    const slots = new Int32Array(capacity * SLOT)
    for (let i = 0; i < old.length; i += SLOT) {
      if (old[i + 5] === 0) continue
      let slot =
        hash(old[i] as number, old[i + 1] as number, old[i + 2] as number, old[i + 3] as number, old[i + 4] as number) &
        mask
      while (slots[slot * SLOT + 5] !== 0) slot = (slot + 1) & mask
      slots.set(old.subarray(i, i + SLOT), slot * SLOT)
    }
    this.mask = mask
    this.slots = slots
  }
}

const SLOT = 6
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

function hash(a: number, b: number, c: number, d: number, e: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)
  h = Math.imul(h ^ c, 0xc2b2ae3d) ^ Math.imul(d, 0x27d4eb2f)
  h = Math.imul(h ^ e, 0x165667b1)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  return h ^ (h >>> 13)
}
