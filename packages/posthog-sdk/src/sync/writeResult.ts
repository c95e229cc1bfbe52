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
import { UsageColumnBuffer } from './UsageColumnBuffer'

const DEFAULT_BATCH_SIZE = 1000
const DEFAULT_SAMPLES_PER_REASON = 5

/** Writes a result page by page: maps, resolves, de-duplicates and writes in batches. */
export interface PageWriter {
  /** Processes one page whose first row is result row `offset + 1`. */
  page(rows: readonly (readonly unknown[])[], offset: number): Promise<void>
  /** Writes what is still buffered (the partial batch): at the end of the run, or of a page that is committed. */
  flush(): Promise<void>
  /** Gives back memory kept for the run (called once the run is over, whatever its outcome). */
  release(): void
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
  const sinkWrite = async (count: number, type: QueryType, write: () => Promise<void>) => {
    if (options.dryRun) return
    try {
      await write()
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      throw new SyncError(
        SyncErrorCode.SinkFailed,
        `Writing ${count} ${type} records failed after ${run.written} were written: ${reason}`,
        { cause },
      )
    }
  }
  const sinkOptions = options.signal ? { signal: options.signal } : {}
  const write = (batch: SinkBatch) =>
    sinkWrite(batch.records.length, batch.type, () => ports.sink.write(batch, sinkOptions))
  const context: WriterContext = { rejects, options, run }
  const queryId = definition.id
  const accountColumn = definition.mapping.account.column
  switch (compiled.type) {
    case 'product_usage': {
      const pipeline = new ProductUsagePipeline(compiled.cells, matcher, rejects, accountColumn)
      const writeColumns = ports.sink.writeColumns?.bind(ports.sink)
      if (writeColumns) {
        return columnWriter(
          pipeline,
          new UsageColumnBuffer(queryId, batchSizeOf(options), pipeline.dictionary),
          context,
          (columns) => sinkWrite(columns.length, columns.type, () => writeColumns(columns, sinkOptions)),
        )
      }
      return typedWriter<'product_usage'>(pipeline, context, (records) =>
        write({ queryId, type: compiled.type, records }),
      )
    }
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
  const batchSize = batchSizeOf(options)
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
    async flush() {
      if (pending.length === 0) return
      const batch = pending
      pending = []
      await flush(batch)
    },
    release() {
      pipeline.release()
    },
  }
}

function batchSizeOf(options: SyncOptions): number {
  return Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
}

/**
 * The product_usage writer of a sink with `writeColumns`: rows are processed a batch's free room at a time (a row
 * keeps at most one record, so the columns never overflow), and a full batch is written before more rows are read.
 * Batches, rejects and counts are those of {@link typedWriter}; only progress events may come more often.
 */
function columnWriter(
  pipeline: ProductUsagePipeline,
  columns: UsageColumnBuffer,
  { rejects, options, run }: WriterContext,
  write: (columns: UsageColumnBuffer) => Promise<void>,
): PageWriter {
  const flush = async () => {
    options.signal?.throwIfAborted()
    columns.decode()
    await write(columns)
    run.written += columns.length
    columns.length = 0
  }
  return {
    async page(rows, offset) {
      rejects.usePage(rows, offset)
      try {
        let from = 0
        while (from < rows.length) {
          const to = Math.min(rows.length, from + columns.room)
          pipeline.fillColumns(rows, from, to, offset, columns)
          if (columns.room === 0) await flush()
          run.rowsProcessed = offset + to
          if (options.onRejects) {
            const drained = rejects.drain()
            if (drained.length > 0) await options.onRejects(drained)
          }
          run.progress('writing')
          from = to
        }
      } finally {
        rejects.releasePage()
      }
    },
    async flush() {
      if (columns.length > 0) await flush()
    },
    release() {
      pipeline.release()
    },
  }
}
