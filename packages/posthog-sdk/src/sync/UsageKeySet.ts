import { ExactKeySet } from './ExactKeySet'
import { type Int32ArrayPool, keyTablePool } from './Int32ArrayPool'

/** Grid cells (4 bytes each) allowed before density is checked: 1M cells, 4 MB. */
const FREE_CELLS = 1 << 20
/** Past {@link FREE_CELLS}, the grid must hold a key per this many cells (16 bytes), or the keys move to a hash set. */
const MIN_DENSITY = 4

/**
 * The natural keys `(account, metric, timestamp)` of a product_usage run, exactly, with the row that first had each
 * (same contract as {@link ExactKeySet}). Aggregated usage is dense: every timestamp bucket holds most accounts and
 * metrics, and rows arrive bucket by bucket. So keys are kept in a grid, one `Int32Array` per timestamp indexed by
 * `account * stride + metric`: a lookup is two array reads on memory the previous rows touched, where a hash table
 * of a million keys costs a cache miss per row. When the grid turns sparse (per-event rows, where nearly every
 * timestamp is distinct), its keys move to an {@link ExactKeySet} and the run continues there.
 */
export class UsageKeySet {
  /** By timestamp id: the first rows of its (account, metric) cells; null once the keys moved to `hashed`. */
  private grid: (Int32Array | undefined)[] | null = []
  private hashed: ExactKeySet | null = null
  /** Cells per account in a grid row (a power of two above the largest metric id). */
  private stride = 8
  private cells = 0
  private count = 0

  /** @param pool where the grid's rows come from and go back to ({@link release}, and as a row grows) */
  constructor(private readonly pool: Int32ArrayPool = keyTablePool) {}

  /** Number of distinct keys recorded. */
  get size(): number {
    return this.hashed ? this.hashed.size : this.count
  }

  /**
   * Records the key for `row` (1-based) unless present.
   * @returns 0 when the key is new, else the row that first had it.
   */
  addIfAbsent(account: number, metric: number, at: number, row: number): number {
    const grid = this.grid
    if (grid === null) return (this.hashed as ExactKeySet).addIfAbsent(account, metric, at, row)
    if (metric >= this.stride) return this.widen(metric).addIfAbsent(account, metric, at, row)
    const index = account * this.stride + metric
    let cells = grid[at]
    if (cells === undefined || index >= cells.length) {
      cells = this.growRow(at, index)
      if (cells === undefined) return (this.hashed as ExactKeySet).addIfAbsent(account, metric, at, row)
    }
    const first = cells[index] as number
    if (first !== 0) return first
    cells[index] = row
    this.count++
    return 0
  }

  /** The row recorded for the key, or 0 when it is absent. */
  find(account: number, metric: number, at: number): number {
    if (this.grid === null) return (this.hashed as ExactKeySet).find(account, metric, at)
    if (metric >= this.stride) return 0
    return this.grid[at]?.[account * this.stride + metric] ?? 0
  }

  /** Gives timestamp `at` a row covering `index`, or moves every key to a hash set (undefined) when too sparse. */
  private growRow(at: number, index: number): Int32Array | undefined {
    const grid = this.grid as (Int32Array | undefined)[]
    const old = grid[at]
    let length = old ? old.length * 2 : 64
    while (length <= index) length *= 2
    this.cells += length - (old ? old.length : 0)
    if (this.cells > FREE_CELLS && this.cells > this.count * MIN_DENSITY) {
      this.toHashSet()
      return undefined
    }
    const cells = this.pool.acquire(length)
    if (old) {
      cells.set(old)
      this.pool.release(old)
    }
    grid[at] = cells
    return cells
  }

  /** Re-lays the grid for a larger metric id (metrics are few: this happens a handful of times per run at most). */
  private widen(metric: number): this {
    const grid = this.grid as (Int32Array | undefined)[]
    const before = this.stride
    let stride = before
    while (stride <= metric) stride *= 2
    this.stride = stride
    this.cells = 0
    for (let at = 0; at < grid.length; at++) {
      const old = grid[at]
      if (old === undefined) continue
      const cells = this.pool.acquire(old.length * (stride / before))
      for (let i = 0; i < old.length; i++) {
        const row = old[i] as number
        if (row !== 0) cells[Math.floor(i / before) * stride + (i % before)] = row
      }
      this.pool.release(old)
      grid[at] = cells
      this.cells += cells.length
    }
    return this
  }

  /** Forgets every key and gives the grid's memory back to the pool (for the next run to reuse). */
  release(): void {
    for (const cells of this.grid ?? []) if (cells) this.pool.release(cells)
    this.grid = []
    this.hashed = null
    this.stride = 8
    this.cells = 0
    this.count = 0
  }

  private toHashSet(): void {
    const grid = this.grid as (Int32Array | undefined)[]
    const hashed = new ExactKeySet(this.count * 2)
    for (let at = 0; at < grid.length; at++) {
      const cells = grid[at]
      if (cells === undefined) continue
      for (let i = 0; i < cells.length; i++) {
        const row = cells[i] as number
        if (row !== 0) hashed.addIfAbsent(Math.floor(i / this.stride), i % this.stride, at, row)
      }
    }
    this.hashed = hashed
    for (const cells of grid) if (cells) this.pool.release(cells)
    this.grid = null
  }
}
