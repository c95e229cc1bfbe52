/**
 * Remembers the natural keys seen in a run, exactly, with the row that first had each. A key is a triple of small
 * non-negative integers: the ids the engine gives each distinct key part (account, metric, timestamp; account,
 * field; object type, record key). The triples live in one typed array (an open-addressing table of 16-byte slots
 * `[a, b, c, row]`, at most half full, so a probe reads one cache line), so a million keys make no objects for the
 * garbage collector, and two different keys never compare equal: unlike hashed fingerprints, no row can be lost to
 * a collision.
 */
export class ExactKeySet {
  private mask: number
  /** Slot `s` is `slots[4s..4s+3]` = `[a, b, c, row]`; row 0 (rows are 1-based) marks an empty slot. */
  private slots: Int32Array
  private count = 0

  constructor(initialCapacity = 1024) {
    let capacity = 16
    while (capacity < initialCapacity * 2) capacity *= 2
    this.mask = capacity - 1
    this.slots = new Int32Array(capacity * 4)
  }

  /** Number of distinct keys recorded. */
  get size(): number {
    return this.count
  }

  /**
   * Records the key `(a, b, c)` (each an integer in `[0, 2^31)`) for `row` (1-based, below 2^31) unless present.
   * @returns 0 when the key is new, else the row that first had it.
   */
  addIfAbsent(a: number, b: number, c: number, row: number): number {
    const { slots, mask } = this
    for (let slot = hash(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2
      const first = slots[at + 3] as number
      if (first === 0) {
        slots[at] = a
        slots[at + 1] = b
        slots[at + 2] = c
        slots[at + 3] = row
        if (++this.count * 2 > mask) this.grow()
        return 0
      }
      if (slots[at + 2] === c && slots[at] === a && slots[at + 1] === b) return first
    }
  }

  /** The row recorded for the key `(a, b, c)`, or 0 when it is absent. */
  find(a: number, b: number, c: number): number {
    const { slots, mask } = this
    for (let slot = hash(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2
      const first = slots[at + 3] as number
      if (first === 0 || (slots[at + 2] === c && slots[at] === a && slots[at + 1] === b)) return first
    }
  }

  private grow(): void {
    const old = this.slots
    const capacity = (this.mask + 1) * 2
    const mask = capacity - 1
    const slots = new Int32Array(capacity * 4)
    for (let i = 0; i < old.length; i += 4) {
      const row = old[i + 3] as number
      if (row === 0) continue
      const a = old[i] as number
      const b = old[i + 1] as number
      const c = old[i + 2] as number
      let slot = hash(a, b, c) & mask
      while (slots[(slot << 2) + 3] !== 0) slot = (slot + 1) & mask
      const at = slot << 2
      slots[at] = a
      slots[at + 1] = b
      slots[at + 2] = c
      slots[at + 3] = row
    }
    this.mask = mask
    this.slots = slots
  }
}

/** Mixes three 31-bit ids into a 32-bit hash (multiply-xorshift; ids are dense, so they must be spread). */
function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  return h ^ (h >>> 13)
}
