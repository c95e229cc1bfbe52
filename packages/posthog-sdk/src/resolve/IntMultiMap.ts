/**
 * A multimap from small integer keys (hashes, slots) to integer values, in flat typed arrays (chained hashing): no
 * object or array per key, so indexes of hundreds of thousands of keys build in milliseconds and cost the garbage
 * collector nothing. Values of one key come back most recent first.
 */
export class IntMultiMap {
  private heads: Int32Array
  private keys = new Int32Array(1024)
  private values = new Int32Array(1024)
  private next = new Int32Array(1024)
  private count = 0

  constructor(expected = 1024) {
    let buckets = 1024
    while (buckets < expected * 2) buckets *= 2
    this.heads = new Int32Array(buckets).fill(-1)
  }

  /** Adds `value` under `key` (both 32-bit integers). */
  add(key: number, value: number): void {
    if (this.count === this.keys.length) this.grow()
    if (this.count * 2 > this.heads.length) this.rehash()
    const bucket = mix(key) & (this.heads.length - 1)
    this.keys[this.count] = key
    this.values[this.count] = value
    this.next[this.count] = this.heads[bucket]!
    this.heads[bucket] = this.count
    this.count++
  }

  /** Calls `visit` with every value stored under `key`. */
  forEach(key: number, visit: (value: number) => void): void {
    for (let i = this.heads[mix(key) & (this.heads.length - 1)]!; i >= 0; i = this.next[i]!) {
      if (this.keys[i] === key) visit(this.values[i]!)
    }
  }

  private grow(): void {
    const size = this.keys.length * 2
    for (const name of ['keys', 'values', 'next'] as const) {
      const larger = new Int32Array(size)
      larger.set(this[name])
      this[name] = larger
    }
  }

  private rehash(): void {
    this.heads = new Int32Array(this.heads.length * 2).fill(-1)
    const mask = this.heads.length - 1
    for (let i = 0; i < this.count; i++) {
      const bucket = mix(this.keys[i]!) & mask
      this.next[i] = this.heads[bucket]!
      this.heads[bucket] = i
    }
  }
}

/** Spreads the bits of a key so that buckets fill evenly whatever the keys' pattern. */
function mix(key: number): number {
  const x = Math.imul(key ^ (key >>> 16), 0x45d9f3b)
  return x ^ (x >>> 16)
}
