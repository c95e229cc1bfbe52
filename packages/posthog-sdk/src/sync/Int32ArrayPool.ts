/**
 * Typed-array memory kept for reuse instead of being left to the garbage collector: the engine's key tables, which
 * a run fills with a few bytes per row (tens of MB for a million per-event rows) and drops at its end. On this kind
 * of machine, allocating fresh typed-array memory costs more than filling it (zeroing new pages, page faults, and
 * the collections V8 starts as external memory grows): a million rows' worth was a tenth of the engine's time. A
 * released array is kept up to `maxBytes` in all, by length, and handed out again zeroed.
 */
export class Int32ArrayPool {
  private readonly free = new Map<number, Int32Array[]>()
  /** The arrays in {@link free}: releasing one twice would hand the same memory to two tables. */
  private readonly kept = new WeakSet<Int32Array>()
  private bytes = 0

  /** @param maxBytes memory kept at most; arrays released beyond it are left to the garbage collector */
  constructor(readonly maxBytes: number) {}

  /** Bytes currently kept. */
  get pooledBytes(): number {
    return this.bytes
  }

  /** A zeroed array of `length` elements: a released one when the pool has one of that length, else a new one. */
  acquire(length: number): Int32Array {
    const array = this.free.get(length)?.pop()
    if (array === undefined) return new Int32Array(length)
    this.kept.delete(array)
    this.bytes -= array.byteLength
    array.fill(0)
    return array
  }

  /** Gives `array` back; the caller must not use it afterwards. Throws when it was already given back. */
  release(array: Int32Array): void {
    if (this.kept.has(array)) throw new Error('Int32ArrayPool: this array was released twice (a bug in its owner).')
    if (this.bytes + array.byteLength > this.maxBytes) return
    let list = this.free.get(array.length)
    if (list === undefined) {
      list = []
      this.free.set(array.length, list)
    }
    list.push(array)
    this.kept.add(array)
    this.bytes += array.byteLength
  }
}

/**
 * The pool the engine's key tables share in a process (64 MB at most: a million per-event keys' tables), so a
 * worker's runs reuse the memory of the runs before them.
 */
export const keyTablePool = new Int32ArrayPool(64 * 1024 * 1024)
