/**
 * Remembers natural keys `(a, b, text)` exactly, with the row that first had each: two small integer ids and a
 * string. For product_usage results whose timestamps hardly repeat (per-event rows with microseconds), numbering
 * every timestamp would cost a `Map` entry per row; here a key costs a 16-byte typed-array slot `[a, b, hash, row]`
 * and a reference to the timestamp string the record holds anyway. A hash match is confirmed by comparing the
 * strings, so two different keys never compare equal.
 */
export class TextKeySet {
  private mask: number
  private slots: Int32Array
  private texts: (string | undefined)[]
  private count = 0

  constructor(initialCapacity = 1024) {
    let capacity = 16
    while (capacity < initialCapacity * 2) capacity *= 2
    this.mask = capacity - 1
    this.slots = new Int32Array(capacity * 4)
    this.texts = new Array<string | undefined>(capacity).fill(undefined)
  }

  /** Number of distinct keys recorded. */
  get size(): number {
    return this.count
  }

  /**
   * Records the key `(a, b, text)` for `row` (1-based) unless present.
   * @returns 0 when the key is new, else the row that first had it.
   */
  addIfAbsent(a: number, b: number, text: string, row: number): number {
    const h = hashText(text, a, b)
    const { slots, texts, mask } = this
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2
      const first = slots[at + 3] as number
      if (first === 0) {
        slots[at] = a
        slots[at + 1] = b
        slots[at + 2] = h
        slots[at + 3] = row
        texts[slot] = text
        if (++this.count * 2 > mask) this.grow()
        return 0
      }
      if (slots[at + 2] === h && slots[at] === a && slots[at + 1] === b && texts[slot] === text) return first
    }
  }

  private grow(): void {
    const old = this.slots
    const oldTexts = this.texts
    const capacity = (this.mask + 1) * 2
    const mask = capacity - 1
    const slots = new Int32Array(capacity * 4)
    const texts = new Array<string | undefined>(capacity).fill(undefined)
    for (let i = 0; i < oldTexts.length; i++) {
      const at = i << 2
      if (old[at + 3] === 0) continue
      const h = old[at + 2] as number
      let slot = h & mask
      while (slots[(slot << 2) + 3] !== 0) slot = (slot + 1) & mask
      const to = slot << 2
      slots[to] = old[at] as number
      slots[to + 1] = old[at + 1] as number
      slots[to + 2] = h
      slots[to + 3] = old[at + 3] as number
      texts[slot] = oldTexts[i]
    }
    this.mask = mask
    this.slots = slots
    this.texts = texts
  }
}

/** FNV-1a over the text's UTF-16 code units, seeded with the two ids, with a final avalanche. */
function hashText(text: string, a: number, b: number): number {
  let h = Math.imul(0x811c9dc5 ^ a, 0x01000193) ^ Math.imul(b, 0x9e3779b1)
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  return h ^ (h >>> 13)
}
