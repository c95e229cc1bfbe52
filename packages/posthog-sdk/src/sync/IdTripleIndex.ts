import { UsageKeySet } from './UsageKeySet'

/**
 * Numbers triples of small integer ids `(a, b, c)` 0, 1, 2, ... in order of first sight and keeps each triple's
 * parts by its number, with no object per triple: the keys in a {@link UsageKeySet}, the parts in one typed array.
 * What a keyed store (the in-memory sink, {@link NaturalKeyMap}) needs once its key parts are numbered.
 */
export class IdTripleIndex {
  private readonly keys = new UsageKeySet()
  /** `[a, b, c]` at `3 * index`. */
  private parts = new Int32Array(3 * 1024)
  private count = 0

  /** Number of distinct triples. */
  get size(): number {
    return this.count
  }

  /** The number of the triple, given one when absent. */
  indexOf(a: number, b: number, c: number): number {
    const index = this.count
    // The key set keeps a positive number per key: here the triple's number + 1.
    const known = this.keys.addIfAbsent(a, b, c, index + 1)
    if (known !== 0) return known - 1
    if (this.parts.length < 3 * (index + 1)) {
      const grown = new Int32Array(this.parts.length * 2)
      grown.set(this.parts)
      this.parts = grown
    }
    this.parts[3 * index] = a
    this.parts[3 * index + 1] = b
    this.parts[3 * index + 2] = c
    this.count++
    return index
  }

  /** The number of the triple, or -1 when it was never seen. */
  find(a: number, b: number, c: number): number {
    return this.keys.find(a, b, c) - 1
  }

  /** Part `k` (0, 1 or 2) of triple number `index`. */
  partAt(index: number, k: 0 | 1 | 2): number {
    return this.parts[3 * index + k] as number
  }

  /** Forgets every triple and gives the key set's memory back to the engine's pool. */
  release(): void {
    this.keys.release()
    this.parts = new Int32Array(3 * 1024)
    this.count = 0
  }
}
