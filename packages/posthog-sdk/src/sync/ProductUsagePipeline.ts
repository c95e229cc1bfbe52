import { coerceNumber, type ProductUsageCells } from '../mapping/index'
import type { Resolution } from '../resolve/index'
import type { AccountMatcher } from './AccountMatcher'
import type { UsageDictionary } from './ProductUsageColumns'
import type { RecordPipeline } from './RecordPipeline'
import type { SinkRecordByType } from './RecordSink'
import type { RejectCollector } from './RejectCollector'
import { duplicateReject, resolutionReject } from './rowRejects'
import { StringIds } from './StringIds'
import { TimestampKeySet } from './TimestampKeySet'
import { UsageColumnBuffer } from './UsageColumnBuffer'
import { UsageKeySet } from './UsageKeySet'

type UsageRecord = SinkRecordByType['product_usage']

const EMPTY_ROW: readonly unknown[] = []
/** Rows of the first page sampled to tell repeating timestamps (aggregations) from distinct ones (raw events). */
const SAMPLE_ROWS = 10_000
/** Rows processed at a time by {@link ProductUsagePipeline.fill} before their records are built. */
const SCRATCH_ROWS = 1024

/**
 * The product_usage hot path: maps, resolves and de-duplicates a row with a few `Map` lookups and builds one
 * record, the one the sink receives. Account references, metrics and timestamps are numbered per distinct value by
 * the mapping's caches; each account reference is resolved once (its outcome kept by id); the natural key
 * `(account, metric, timestamp)` is checked as a triple of ids in a {@link UsageKeySet}. Records share one string
 * per distinct account id, reference, metric and timestamp, which keeps a sink that holds them small. What is kept
 * goes into reusable columns ({@link UsageColumnBuffer}), which allocate nothing per row: the sink's `writeColumns`
 * receives them as they are, and `fill` builds one record per kept row from them for `write`. One output type keeps
 * the hot loops monomorphic whichever path a process uses.
 *
 * When most timestamps of the first page are distinct (per-event rows), numbering them would cost a `Map` entry per
 * row for nothing: timestamps are then coerced row by row and keys kept in a {@link TimestampKeySet} (still exact).
 */
export class ProductUsagePipeline implements RecordPipeline<'product_usage'> {
  private readonly seen = new UsageKeySet()
  /** Keys by timestamp text, when timestamps are distinct; undefined until the first page is seen. */
  private distinct: TimestampKeySet | null | undefined
  private readonly accountIds = new StringIds()
  /** Account id strings by account number. */
  private readonly accountIdText: string[] = []
  /** By account reference id: the account number (>= 0), or -1 when it resolved to none or several. */
  private readonly accountOfRef: number[] = []
  /** By account reference id, for references that did not resolve to one account. */
  private readonly failedResolution: Resolution[] = []
  /** By timestamp id (aggregations): its `Date.parse` value, NaN until first needed. */
  private epochOfTimestamp: Float64Array = new Float64Array(0)
  /** The run's dictionaries, which the codes of {@link fillColumns}' output index. */
  readonly dictionary: UsageDictionary
  /** The columns {@link fill} builds its records from. */
  private readonly scratch: UsageColumnBuffer

  constructor(
    private readonly cells: ProductUsageCells,
    private readonly matcher: AccountMatcher,
    private readonly rejects: RejectCollector,
    private readonly accountColumn: string,
  ) {
    this.dictionary = {
      accountRef: cells.accountRefs.dictionary,
      accountId: this.accountIdText,
      metric: cells.metrics.dictionary,
    }
    this.scratch = new UsageColumnBuffer('', SCRATCH_ROWS, this.dictionary)
  }

  fill(rows: readonly (readonly unknown[])[], from: number, to: number, offset: number, out: UsageRecord[]): void {
    const { scratch } = this
    for (let start = from; start < to; start += scratch.capacity) {
      const end = Math.min(to, start + scratch.capacity)
      this.fillColumns(rows, start, end, offset, scratch)
      scratch.decode()
      for (let i = 0; i < scratch.length; i++) {
        out.push({
          row: scratch.row[i] as number,
          accountRef: scratch.accountRef[i] as string,
          accountId: scratch.accountId[i] as string,
          metric: scratch.metric[i] as string,
          timestamp: scratch.timestamp[i] as string,
          value: scratch.value[i] as number,
        })
      }
      scratch.length = 0
    }
  }

  /**
   * As {@link fill}, appending the kept records to `out`'s columns; `out` must have room for `to - from` records
   * (a row keeps at most one).
   */
  fillColumns(
    rows: readonly (readonly unknown[])[],
    from: number,
    to: number,
    offset: number,
    out: UsageColumnBuffer,
  ): void {
    if (this.distinct === undefined)
      this.distinct = distinctTimestamps(rows, this.cells.timestamp) ? new TimestampKeySet() : null
    if (this.distinct) this.fillDistinct(this.distinct, rows, from, to, offset, out)
    else this.fillRepeating(rows, from, to, offset, out)
  }

  /** Timestamps numbered by the mapping's cache: per row, three `Map` lookups (often fewer) and a grid read. */
  private fillRepeating(
    rows: readonly (readonly unknown[])[],
    from: number,
    to: number,
    offset: number,
    out: UsageColumnBuffer,
  ): void {
    const { cells, seen, accountOfRef } = this
    const { accountRefs, metrics, timestamps } = cells
    let { epochOfTimestamp } = this
    const accountAt = cells.account
    const metricAt = cells.metric
    const timestampAt = cells.timestamp
    const valueAt = cells.value
    for (let i = from; i < to; i++) {
      const row = rows[i] ?? EMPTY_ROW
      const rowNumber = offset + i + 1
      const ref = accountRefs.idOf(row[accountAt])
      const metric = metricAt < 0 ? 0 : metrics.idOf(row[metricAt])
      const at = timestamps.idOf(row[timestampAt])
      const raw = row[valueAt]
      // A finite JSON number is the common case; anything else takes the full coercion (NaN when refused).
      const value = typeof raw === 'number' && raw - raw === 0 ? raw : coercedValue(raw)
      if (ref < 0 || metric < 0 || at < 0 || Number.isNaN(value)) {
        this.rejects.add(cells.reject(row, rowNumber, ref, metric, at))
        continue
      }
      if (at >= epochOfTimestamp.length) epochOfTimestamp = this.growEpochs(at)
      let account = accountOfRef[ref]
      if (account === undefined) account = this.resolve(ref)
      if (account < 0) {
        this.rejectUnresolved(ref, rowNumber)
        continue
      }
      const first = seen.addIfAbsent(account, metric, at, rowNumber)
      if (first !== 0) {
        this.rejectDuplicate(ref, rowNumber, first)
        continue
      }
      const added = out.add(rowNumber, ref, account, metric, timestamps.valueOf(at), value)
      // Read from the array, not returned by a call: a double returned by a call that is not inlined is boxed.
      if (Number.isNaN(epochOfTimestamp[at])) this.rememberEpoch(at)
      out.epochMs[added] = epochOfTimestamp[at] as number
    }
  }

  /** Timestamps coerced row by row (they hardly repeat), keys checked with the timestamp text. */
  private fillDistinct(
    seen: TimestampKeySet,
    rows: readonly (readonly unknown[])[],
    from: number,
    to: number,
    offset: number,
    out: UsageColumnBuffer,
  ): void {
    const { cells, accountOfRef } = this
    const { accountRefs, metrics, timestamps } = cells
    const accountAt = cells.account
    const metricAt = cells.metric
    const timestampAt = cells.timestamp
    const valueAt = cells.value
    for (let i = from; i < to; i++) {
      const row = rows[i] ?? EMPTY_ROW
      const rowNumber = offset + i + 1
      const ref = accountRefs.idOf(row[accountAt])
      const metric = metricAt < 0 ? 0 : metrics.idOf(row[metricAt])
      const cell = row[timestampAt]
      // PostHog's own UTC form is read once, for validation and the key alike; anything else is coerced.
      const read = typeof cell === 'string' && seen.readTimestamp(cell)
      const timestamp = read ? cell : timestamps.coerce(cell)
      const raw = row[valueAt]
      const value = typeof raw === 'number' && raw - raw === 0 ? raw : coercedValue(raw)
      if (ref < 0 || metric < 0 || typeof timestamp !== 'string' || Number.isNaN(value)) {
        const at = typeof timestamp === 'string' ? 0 : timestamps.idOf(row[timestampAt])
        this.rejects.add(cells.reject(row, rowNumber, ref, metric, at))
        continue
      }
      let account = accountOfRef[ref]
      if (account === undefined) account = this.resolve(ref)
      if (account < 0) {
        this.rejectUnresolved(ref, rowNumber)
        continue
      }
      const first = read
        ? seen.addRead(account, metric, rowNumber)
        : seen.addIfAbsent(account, metric, timestamp, rowNumber)
      if (first !== 0) {
        this.rejectDuplicate(ref, rowNumber, first)
        continue
      }
      const added = out.add(rowNumber, ref, account, metric, timestamp, value)
      if (read) seen.writeEpochMs(out.epochMs, added)
      else out.epochMs[added] = Date.parse(timestamp)
    }
  }

  /** Remembers the epoch time of timestamp id `at`. */
  private rememberEpoch(at: number): void {
    this.epochOfTimestamp[at] = Date.parse(this.cells.timestamps.valueOf(at))
  }

  /** Room in {@link epochOfTimestamp} for timestamp id `at`. */
  private growEpochs(at: number): Float64Array {
    const grown = new Float64Array(Math.max(64, (at + 1) * 2)).fill(Number.NaN)
    grown.set(this.epochOfTimestamp)
    this.epochOfTimestamp = grown
    return grown
  }

  /** Gives the duplicate check's memory back for the next run to reuse; the pipeline must not be used afterwards. */
  release(): void {
    this.seen.release()
    this.distinct?.release()
  }

  private resolve(ref: number): number {
    const resolution = this.matcher.match(this.cells.accountRefs.valueOf(ref))
    let account = -1
    if (resolution.status === 'matched') {
      account = this.accountIds.idOf(resolution.accountId)
      if (account === this.accountIdText.length) this.accountIdText.push(resolution.accountId)
    } else {
      this.failedResolution[ref] = resolution
    }
    this.accountOfRef[ref] = account
    return account
  }

  private rejectUnresolved(ref: number, rowNumber: number): void {
    const resolution = this.failedResolution[ref]
    if (resolution === undefined || resolution.status === 'matched') return
    const accountRef = this.cells.accountRefs.valueOf(ref)
    this.rejects.add(resolutionReject(rowNumber, this.accountColumn, accountRef, this.matcher.resolver, resolution))
  }

  private rejectDuplicate(ref: number, rowNumber: number, firstRow: number): void {
    const accountRef = this.cells.accountRefs.valueOf(ref)
    this.rejects.add(duplicateReject('product_usage', rowNumber, this.accountColumn, accountRef, firstRow))
  }
}

/** A metric value that is not a finite JSON number (a numeric string, a bigint): coerced, or NaN when refused. */
function coercedValue(raw: unknown): number {
  const n = coerceNumber(raw)
  return typeof n === 'number' ? n : Number.NaN
}

/** True when more than half of the sampled rows have a timestamp cell no earlier sampled row had. */
function distinctTimestamps(rows: readonly (readonly unknown[])[], column: number): boolean {
  const sample = Math.min(rows.length, SAMPLE_ROWS)
  const seen = new Set<unknown>()
  for (let i = 0; i < sample; i++) seen.add(rows[i]?.[column])
  return seen.size * 2 > sample
}
