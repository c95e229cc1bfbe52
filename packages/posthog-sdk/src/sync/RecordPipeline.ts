import type { QueryType } from '../config/index'
import type { SinkRecordByType } from './RecordSink'

/**
 * Maps, resolves and de-duplicates rows into records ready to write. Mapping and resolution rejects go to the run's
 * reject collector; a record whose natural key was already produced in this run is rejected as `duplicate_key` (the
 * first row wins), so a sink never receives two records that would overwrite each other in one run.
 * Implementations: `ProductUsagePipeline` (the fused hot path) and `MappedRecordPipeline` (custom fields, objects).
 */
export interface RecordPipeline<T extends QueryType> {
  /**
   * Processes `rows[from..to)` of a page whose first row is result row `offset + 1` (row numbers in records and
   * rejects are 1-based over the whole result) and appends the records to write to `out`, in row order.
   */
  fill(
    rows: readonly (readonly unknown[])[],
    from: number,
    to: number,
    offset: number,
    out: SinkRecordByType[T][],
  ): void
  /** Gives back memory kept for the run, once it is over; the pipeline must not be used afterwards. */
  release(): void
}
