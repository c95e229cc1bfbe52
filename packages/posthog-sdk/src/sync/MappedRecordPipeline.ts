import type { CompiledMappingOf, MapOutput, RecordByType } from '../mapping/index'
import type { AccountMatcher } from './AccountMatcher'
import { ExactKeySet } from './ExactKeySet'
import type { RecordPipeline } from './RecordPipeline'
import type { SinkRecordByType } from './RecordSink'
import type { RejectCollector } from './RejectCollector'
import { duplicateReject, resolutionReject } from './rowRejects'
import { StringIds } from './StringIds'
import { withAccount } from './withAccount'

type KeyedType = 'custom_field' | 'custom_object'

const EMPTY_ROW: readonly unknown[] = []

/**
 * The pipeline of custom fields and custom objects: each row is mapped by the compiled mapping, then each record
 * resolved (once per distinct reference, by the matcher) and checked for a natural key already written in this run:
 * `(account, field)` or `(object type, key)`, as exact ids in an {@link ExactKeySet}.
 */
export class MappedRecordPipeline<T extends KeyedType> implements RecordPipeline<T> {
  private readonly seen = new ExactKeySet()
  /** Ids of the first key part (account id, object type) and of the second (field, record key). */
  private readonly firstIds = new StringIds()
  private readonly secondIds = new StringIds()
  private readonly out: MapOutput<RecordByType[T]> = { records: [], rejects: [] }

  constructor(
    private readonly compiled: CompiledMappingOf<T>,
    private readonly matcher: AccountMatcher,
    private readonly rejects: RejectCollector,
    private readonly accountColumn: string,
    /** Column named in duplicate rejects of custom objects (the record key). */
    private readonly keyColumn: string,
  ) {}

  fill(
    rows: readonly (readonly unknown[])[],
    from: number,
    to: number,
    offset: number,
    out: SinkRecordByType[T][],
  ): void {
    const mapped = this.out
    const attach = withAccount[this.compiled.type] as (r: RecordByType[T], accountId: string) => SinkRecordByType[T]
    for (let i = from; i < to; i++) {
      this.compiled.mapRow(rows[i] ?? EMPTY_ROW, offset + i + 1, mapped)
      // A row's mapping rejects (wide form: bad cells) come before the rejects of its records.
      for (const reject of mapped.rejects) this.rejects.add(reject)
      for (const record of mapped.records) {
        const resolution = this.matcher.match(record.accountRef)
        if (resolution.status !== 'matched') {
          this.rejects.add(
            resolutionReject(record.row, this.accountColumn, record.accountRef, this.matcher.resolver, resolution),
          )
          continue
        }
        const resolved = attach(record, resolution.accountId)
        const first = this.addKey(resolved)
        if (first === 0) out.push(resolved)
        else this.rejects.add(this.duplicate(resolved, first))
      }
      mapped.records.length = 0
      mapped.rejects.length = 0
    }
  }

  /** Records the natural key of `r`; 0 when new, else the row that had it first. */
  private addKey(r: SinkRecordByType[KeyedType]): number {
    if ('field' in r)
      return this.seen.addIfAbsent(this.firstIds.idOf(r.accountId), this.secondIds.idOf(r.field), 0, r.row)
    return this.seen.addIfAbsent(this.firstIds.idOf(r.objectType), this.secondIds.idOf(r.key), 0, r.row)
  }

  private duplicate(r: SinkRecordByType[KeyedType], firstRow: number) {
    return 'field' in r
      ? duplicateReject('custom_field', r.row, this.accountColumn, r.accountRef, firstRow)
      : duplicateReject('custom_object', r.row, this.keyColumn, r.key, firstRow)
  }

  /** Nothing pooled: custom fields and objects come in thousands per run, their key set is left to the collector. */
  release(): void {}
}
