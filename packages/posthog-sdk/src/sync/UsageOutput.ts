import type { SinkRecordByType } from './RecordSink'

/** Where {@link ProductUsagePipeline} puts each record it keeps: a record per row, or columns. */
export interface UsageOutput {
  add(row: number, accountRef: string, accountId: string, metric: string, timestamp: string, value: number): void
}

/** Appends one record object per row to `records` (the `write` path). */
export class UsageRecordOutput implements UsageOutput {
  constructor(private readonly records: SinkRecordByType['product_usage'][]) {}

  add(row: number, accountRef: string, accountId: string, metric: string, timestamp: string, value: number): void {
    this.records.push({ row, accountRef, accountId, metric, timestamp, value })
  }
}
