import type { QueryDefinition, QueryType } from '../config/index'
import { compileMapping, type ResultHeader } from '../mapping/index'
import { type AccountLookup, AccountMatcher } from './AccountMatcher'
import { MappedRecordPipeline } from './MappedRecordPipeline'
import { ProductUsagePipeline } from './ProductUsagePipeline'
import type { RecordPipeline } from './RecordPipeline'
import type { SinkBatch, SinkRecordByType } from './RecordSink'
import { RejectCollector } from './RejectCollector'
import type { RunRecorder } from './RunRecorder'
import { SyncError, SyncErrorCode } from './SyncError'
import type { SyncOptions } from './SyncOptions'
import type { SyncPorts } from './SyncPorts'

const DEFAULT_BATCH_SIZE = 1000
const DEFAULT_SAMPLES_PER_REASON = 5

/** Writes a result page by page: maps, resolves, de-duplicates and writes in batches. */
export interface PageWriter {
  /** Processes one page whose first row is result row `offset + 1`. */
  page(rows: readonly (readonly unknown[])[], offset: number): Promise<void>
  /** Writes what is still buffered. */
  finish(): Promise<void>
}

/**
 * Compiles the mapping against the result's header (so a missing column fails the run before anything is written)
 * and returns the writer of its pages. Nothing is written in a dry run; `run.written` then counts would-be writes.
 */
export function createPageWriter(
  definition: QueryDefinition,
  header: ResultHeader,
  accounts: AccountLookup,
  ports: Pick<SyncPorts, 'sink' | 'catalog'>,
  options: SyncOptions,
  run: RunRecorder,
): PageWriter {
  const compiled = compileMapping(definition, header, ports.catalog)
  const rejects = new RejectCollector(
    header.columns,
    options.samplesPerReason ?? DEFAULT_SAMPLES_PER_REASON,
    options.onRejects !== undefined,
  )
  run.rejects = rejects
  const matcher = new AccountMatcher(accounts, definition.mapping.account.resolver)
  const keyColumn =
    definition.type === 'custom_object' ? definition.mapping.keyColumn : definition.mapping.account.column
  const write = async (batch: SinkBatch) => {
    if (options.dryRun) return
    try {
      await ports.sink.write(batch, options.signal ? { signal: options.signal } : {})
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      throw new SyncError(
        SyncErrorCode.SinkFailed,
        `Writing ${batch.records.length} ${batch.type} records failed after ${run.written} were written: ${reason}`,
        { cause },
      )
    }
  }
  const context: WriterContext = { rejects, options, run }
  const queryId = definition.id
  const accountColumn = definition.mapping.account.column
  switch (compiled.type) {
    case 'product_usage':
      return typedWriter<'product_usage'>(
        new ProductUsagePipeline(compiled.cells, matcher, rejects, accountColumn),
        context,
        (records) => write({ queryId, type: compiled.type, records }),
      )
    case 'custom_field':
      return typedWriter<'custom_field'>(
        new MappedRecordPipeline(compiled, matcher, rejects, accountColumn, keyColumn),
        context,
        (records) => write({ queryId, type: compiled.type, records }),
      )
    case 'custom_object':
      return typedWriter<'custom_object'>(
        new MappedRecordPipeline(compiled, matcher, rejects, accountColumn, keyColumn),
        context,
        (records) => write({ queryId, type: compiled.type, records }),
      )
    default:
      return compiled satisfies never
  }
}

interface WriterContext {
  rejects: RejectCollector
  options: SyncOptions
  run: RunRecorder
}

function typedWriter<T extends QueryType>(
  pipeline: RecordPipeline<T>,
  { rejects, options, run }: WriterContext,
  write: (records: SinkRecordByType[T][]) => Promise<void>,
): PageWriter {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  let pending: SinkRecordByType[T][] = []
  const flush = async (records: SinkRecordByType[T][]) => {
    options.signal?.throwIfAborted()
    await write(records)
    run.written += records.length
  }
  return {
    async page(rows, offset) {
      rejects.usePage(rows, offset)
      try {
        // A batch of rows at a time, so progress, rejects and writes advance together.
        for (let from = 0; from < rows.length; from += batchSize) {
          const to = Math.min(rows.length, from + batchSize)
          pipeline.fill(rows, from, to, offset, pending)
          while (pending.length >= batchSize) {
            // Whole batches go out as they are; only the wide custom-field form (several records per row) splits.
            const batch = pending
            pending = batch.length === batchSize ? [] : batch.splice(batchSize)
            await flush(batch)
          }
          run.rowsProcessed = offset + to
          if (options.onRejects) {
            const drained = rejects.drain()
            if (drained.length > 0) await options.onRejects(drained)
          }
          run.progress('writing')
        }
      } finally {
        // Lets the page be collected while the next one is read.
        rejects.releasePage()
      }
    },
    async finish() {
      if (pending.length > 0) await flush(pending)
      pending = []
    },
  }
}
