/** Slots of a new {@link RecentStrings} table (12 KB): a dry run of a few hundred rows needs no more. */
const INITIAL_SLOTS = 1024
/**
 * Slots of a widened table (192 KB): direct-mapped, 1,000 strings in use collide in 8% of lookups here, 23% with
 * 4,096 slots (each collision costs a whole-string hash and a `Map` lookup).
 */
export const WIDE_SLOTS = 16_384
/** Characters a {@link sampledHash} reads at most: the last 8 and up to 8 spread over the rest. */
const TAIL = 8

/**
 * A direct-mapped cache from strings to small integers, in front of a `Map`. `JSON.parse` gives every row fresh
 * strings, and a `Map` lookup of a fresh string first hashes all of its characters (36 for a UUID, ~20 for a
 * timestamp), which costs more than the lookup itself. Here a slot is chosen by a hash of at most 16 of the
 * characters, and a hit is confirmed by comparing the strings (`===`, exact), so an answer is never wrong: strings
 * that differ only where the hash does not look merely share a slot and miss, and the caller asks its `Map`.
 */
export class RecentStrings {
  // Empty slots hold undefined, which no string equals (an empty string is a key like any other).
  private keys: (string | undefined)[] = new Array<string | undefined>(INITIAL_SLOTS).fill(undefined)
  private ids = new Int32Array(INITIAL_SLOTS)
  private mask = INITIAL_SLOTS - 1
  /** The slot of the last {@link get}, where {@link set} stores. */
  private slot = 0

  /** Number of slots. */
  get slots(): number {
    return this.mask + 1
  }

  /**
   * Grows the table to {@link WIDE_SLOTS}, empty (it is only a cache): for an owner that sees more distinct strings
   * than a small table holds without colliding often.
   */
  widen(): void {
    this.keys = new Array<string | undefined>(WIDE_SLOTS).fill(undefined)
    this.ids = new Int32Array(WIDE_SLOTS)
    this.mask = WIDE_SLOTS - 1
  }

  /** The id stored for `text`, or `undefined`. Remembers the slot for a following {@link set}. */
  get(text: string): number | undefined {
    const slot = sampledHash(text) & this.mask
    this.slot = slot
    return this.keys[slot] === text ? (this.ids[slot] as number) : undefined
  }

  /** Stores `id` for the string of the last {@link get}, replacing what the slot held. */
  set(text: string, id: number): void {
    this.keys[this.slot] = text
    this.ids[this.slot] = id
  }
}

/**
 * A hash of the last 8 characters of `text` and of up to 8 more spread evenly over the rest: the parts where ids,
 * UUIDs, emails and timestamps of one column differ from each other, at a fixed cost whatever the length.
 */
export function sampledHash(text: string): number {
  const n = text.length
  let h = n
  const stop = n > TAIL ? n - TAIL : 0
  for (let i = n - 1; i >= stop; i--) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  if (stop > 0) {
    const step = stop > TAIL ? Math.floor(stop / TAIL) : 1
    for (let i = 0; i < stop; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  }
  // 30 bits: a small integer (Smi) for V8, which a call that is not inlined returns without allocating.
  return (h ^ (h >>> 15)) & 0x3fffffff
}
