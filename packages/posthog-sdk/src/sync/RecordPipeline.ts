import type { QueryType } from '../config/index'
import {
  type CompiledMappingOf,
  type MapOutput,
  type RecordByType,
  RejectReason,
  type RowReject,
} from '../mapping/index'
import type { AccountMatcher } from './AccountMatcher'
import { KeyFingerprints } from './KeyFingerprints'
import type { SinkRecordByType } from './RecordSink'
import type { RejectCollector } from './RejectCollector'
import { withAccount } from './withAccount'

/**
 * Maps, resolves and de-duplicates rows into records ready to write. Mapping rejects and resolution rejects go to
 * the collector; a record whose natural key was already produced in this run is rejected as `duplicate_key` (the
 * first row wins), so a sink never receives two records that would overwrite each other in one run.
 */
export class RecordPipeline<T extends QueryType> {
  private readonly seen = new KeyFingerprints()
  private readonly out: MapOutput<RecordByType[T]> = { records: [], rejects: [] }

  constructor(
    private readonly compiled: CompiledMappingOf<T>,
    private readonly matcher: AccountMatcher,
    private readonly rejects: RejectCollector,
    /** Column named in account and duplicate rejects. */
    private readonly accountColumn: string,
    /** Column named in duplicate rejects (the record key for objects, the account otherwise). */
    private readonly keyColumn: string,
  ) {}

  /**
   * Processes `rows[from..to)` of a page whose first row is result row `offset + 1` (row numbers in records and
   * rejects are 1-based over the whole result) and returns the records to write.
   */
  process(rows: readonly (readonly unknown[])[], from: number, to: number, offset: number): SinkRecordByType[T][] {
    const { out, compiled } = this
    for (let i = from; i < to; i++) compiled.mapRow(rows[i] ?? [], offset + i + 1, out)
    const attach = withAccount[compiled.type] as (record: RecordByType[T], accountId: string) => SinkRecordByType[T]
    const ready: SinkRecordByType[T][] = []
    for (const record of out.records) {
      const resolution = this.matcher.match(record.accountRef)
      if (resolution.status === 'matched') {
        const resolved = attach(record, resolution.accountId)
        const first = this.addKey(resolved)
        if (first === 0) {
          ready.push(resolved)
        } else {
          out.rejects.push(this.duplicate(record, first))
        }
      } else if (resolution.status === 'unmatched') {
        out.rejects.push({
          row: record.row,
          column: this.accountColumn,
          value: record.accountRef,
          reason: RejectReason.UnmatchedAccount,
          message: `No account matches ${JSON.stringify(record.accountRef)} by ${this.matcher.resolver} (${resolution.reason}).`,
        })
      } else {
        const names = resolution.candidates
          .slice(0, 3)
          .map((c) => `${c.name} (${c.accountId})`)
          .join(', ')
        out.rejects.push({
          row: record.row,
          column: this.accountColumn,
          value: record.accountRef,
          reason: RejectReason.AmbiguousAccount,
          message: `${JSON.stringify(record.accountRef)} fits several accounts by ${this.matcher.resolver} (${resolution.reason}): ${names}. Not guessed; use a more precise resolver.`,
        })
      }
    }
    for (const reject of out.rejects) this.rejects.add(reject)
    out.records.length = 0
    out.rejects.length = 0
    return ready
  }

  /** Records the natural key of `r`; 0 when new, else the row that had it first. */
  private addKey(r: SinkRecordByType[QueryType]): number {
    if ('metric' in r) return this.seen.addIfAbsent(r.accountId, r.metric, r.timestamp, r.row)
    if ('field' in r) return this.seen.addIfAbsent(r.accountId, '', r.field, r.row)
    return this.seen.addIfAbsent(r.objectType, '', r.key, r.row)
  }

  private duplicate(record: RecordByType[T], firstRow: number): RowReject {
    const what =
      this.compiled.type === 'product_usage'
        ? '(account, metric, timestamp)'
        : this.compiled.type === 'custom_field'
          ? '(account, field)'
          : '(object type, key)'
    return {
      row: record.row,
      column: this.compiled.type === 'custom_object' ? this.keyColumn : this.accountColumn,
      value: 'key' in record ? record.key : record.accountRef,
      reason: RejectReason.DuplicateKey,
      message: `Row ${record.row} has the same ${what} as row ${firstRow}; the first is kept. Aggregate or de-duplicate in HogQL.`,
    }
  }
}
