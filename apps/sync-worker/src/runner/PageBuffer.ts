import type { ProductUsageColumns, RecordSink, SampledReject, SinkBatch, SinkRecordByType } from '@statisfy/posthog-sdk'

/** The records and rejects of one page, as the engine handed them over, waiting for the page's commit. */
export interface PageContents {
  usage: UsageRows
  fields: SinkRecordByType['custom_field'][]
  objects: SinkRecordByType['custom_object'][]
  rejects: SampledReject[]
}

/** Product usage rows as columns (copied: the engine reuses its arrays). */
export interface UsageRows {
  accountId: string[]
  metric: string[]
  ts: string[]
  tsMs: number[]
  value: number[]
}

const emptyUsage = (): UsageRows => ({ accountId: [], metric: [], ts: [], tsMs: [], value: [] })

/**
 * The worker's {@link RecordSink}: keeps a page's records in memory until the page is committed, so the page's
 * rows, its rejects, the run's checkpoint and the query's watermark are written in one transaction (a page is at
 * most PostHog's 50,000 rows). A run killed mid-page loses only the uncommitted page, which its resumption re-reads.
 */
export class PageBuffer implements RecordSink {
  private contents: PageContents = { usage: emptyUsage(), fields: [], objects: [], rejects: [] }

  async write(batch: SinkBatch): Promise<void> {
    switch (batch.type) {
      case 'product_usage': {
        const usage = this.contents.usage
        for (const record of batch.records) {
          usage.accountId.push(record.accountId)
          usage.metric.push(record.metric)
          usage.ts.push(record.timestamp)
          usage.tsMs.push(Date.parse(record.timestamp))
          usage.value.push(record.value)
        }
        return
      }
      case 'custom_field':
        this.contents.fields.push(...batch.records)
        return
      case 'custom_object':
        this.contents.objects.push(...batch.records)
        return
      default:
        batch satisfies never
    }
  }

  async writeColumns(batch: ProductUsageColumns): Promise<void> {
    const usage = this.contents.usage
    for (let i = 0; i < batch.length; i++) {
      usage.accountId.push(batch.accountId[i] as string)
      usage.metric.push(batch.metric[i] as string)
      usage.ts.push(batch.timestamp[i] as string)
      usage.tsMs.push(batch.epochMs[i] as number)
      usage.value.push(batch.value[i] as number)
    }
  }

  /** Rejected rows of the page (the engine's `onRejects`). */
  addRejects(rejects: readonly SampledReject[]): void {
    this.contents.rejects.push(...rejects)
  }

  /** The page's contents, leaving the buffer empty for the next page. */
  take(): PageContents {
    const contents = this.contents
    this.contents = { usage: emptyUsage(), fields: [], objects: [], rejects: [] }
    return contents
  }
}
