import type { RejectReason, RowReject } from '../mapping/index'
import { type JsonValue, toJsonValue } from './jsonValue'
import type { SampledReject } from './RunReport'

/** Rejects of one reason in a report: the count and the first few samples. */
export interface ReasonSummary {
  reason: RejectReason
  count: number
  samples: SampledReject[]
}

/**
 * Counts a run's rejects by reason and keeps the first `samplesPerReason` of each with the row's data. Also holds the
 * rejects not yet handed to the host (`drain`), so a host can store every reject, not only the samples.
 */
export class RejectCollector {
  private readonly counts = new Map<RejectReason, number>()
  private readonly samples = new Map<RejectReason, SampledReject[]>()
  private pending: RowReject[] = []
  total = 0

  private rows: readonly (readonly unknown[])[] = []
  private offset = 0

  constructor(
    private readonly columns: readonly string[],
    private readonly samplesPerReason: number,
    private readonly keepPending: boolean,
  ) {}

  /** The page rejects are being added for: its rows and the result row number before its first row. */
  usePage(rows: readonly (readonly unknown[])[], offset: number): void {
    this.rows = rows
    this.offset = offset
  }

  /** Forgets the page's rows (after it is processed; rejects are added for the page being processed only). */
  releasePage(): void {
    this.rows = []
  }

  add(reject: RowReject): void {
    this.total++
    this.counts.set(reject.reason, (this.counts.get(reject.reason) ?? 0) + 1)
    let samples = this.samples.get(reject.reason)
    if (!samples) {
      samples = []
      this.samples.set(reject.reason, samples)
    }
    if (samples.length < this.samplesPerReason) samples.push(this.withRowData(reject))
    if (this.keepPending) this.pending.push(reject)
  }

  /** How many rejects had `reason`. */
  count(reason: RejectReason): number {
    return this.counts.get(reason) ?? 0
  }

  /** Counts of the reasons that occurred. */
  byReason(): Partial<Record<RejectReason, number>> {
    return Object.fromEntries(this.counts)
  }

  /** Reasons with counts and samples, most frequent first. */
  reasons(): ReasonSummary[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => ({ reason, count, samples: this.samples.get(reason) ?? [] }))
  }

  /** Rejects added since the last call, in row order, with their rows' data (call before moving to the next page). */
  drain(): SampledReject[] {
    const out = this.pending.sort((a, b) => a.row - b.row).map((reject) => this.withRowData(reject))
    this.pending = []
    return out
  }

  /** A reject with the JSON-safe data of its row, by column name. */
  withRowData(reject: RowReject): SampledReject {
    const row = this.rows[reject.row - 1 - this.offset]
    const rowData: Record<string, JsonValue> = {}
    this.columns.forEach((name, i) => {
      rowData[name] = toJsonValue(row?.[i])
    })
    return { ...reject, value: toJsonValue(reject.value), rowData }
  }
}
