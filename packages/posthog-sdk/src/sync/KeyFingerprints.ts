/**
 * Remembers the natural keys seen in a run as 64-bit fingerprints (two independent 32-bit string hashes) in typed
 * arrays, with the row that first had each key. A million-row run holds 12 bytes per key and no per-key objects, so
 * duplicate detection adds no garbage-collector work; keeping the key strings in maps made it the slowest step of a
 * large sync. Two different keys share a fingerprint with probability about n^2 / 2^65 (3 in 100 million for a
 * million keys), in which case the later row is reported as a `duplicate_key` reject (visible, with its row data),
 * never silently dropped.
 */
export class KeyFingerprints {
  private mask: number
  private first: Int32Array
  private second: Int32Array
  private rows: Int32Array
  private count = 0

  constructor(initialCapacity = 1024) {
    let capacity = 16
    while (capacity < initialCapacity * 2) capacity *= 2
    this.mask = capacity - 1
    this.first = new Int32Array(capacity)
    this.second = new Int32Array(capacity)
    this.rows = new Int32Array(capacity)
  }

  /** Number of distinct keys recorded. */
  get size(): number {
    return this.count
  }

  /**
   * Records the key `(a, b, c)` for `row` (1-based) unless present.
   * @returns 0 when the key is new, else the row that first had it.
   */
  addIfAbsent(a: string, b: string, c: string, row: number): number {
    // FNV-1a and a multiply-rotate hash over the three parts, each part followed by a separator code.
    this.h1 = 0x811c9dc5
    this.h2 = 0x9e3779b9
    this.mix(a)
    this.mix(b)
    this.mix(c)
    const h1 = this.h1
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 15), 0x2c1b3c6d)
    const { first, second, rows, mask } = this
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = rows[slot] ?? 0
      if (at === 0) {
        first[slot] = h1
        second[slot] = h2
        rows[slot] = row
        if (++this.count * 2 > mask) this.grow()
        return 0
      }
      if (first[slot] === h1 && second[slot] === h2) return at
    }
  }

  private h1 = 0
  private h2 = 0

  private mix(part: string): void {
    let h1 = this.h1
    let h2 = this.h2
    for (let i = 0; i < part.length; i++) {
      const code = part.charCodeAt(i)
      h1 = Math.imul(h1 ^ code, 0x01000193)
      h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ code
    }
    this.h1 = Math.imul(h1 ^ 0xffff, 0x01000193)
    this.h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ 0xffff
  }

  private grow(): void {
    const { first, second, rows } = this
    const capacity = (this.mask + 1) * 2
    this.mask = capacity - 1
    this.first = new Int32Array(capacity)
    this.second = new Int32Array(capacity)
    this.rows = new Int32Array(capacity)
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0
      if (row === 0) continue
      const h1 = first[i] ?? 0
      let slot = h1 & this.mask
      while ((this.rows[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask
      this.first[slot] = h1
      this.second[slot] = second[i] ?? 0
      this.rows[slot] = row
    }
  }
}
