import type { QueryDefinition, QueryType } from '../config/index'
import { type CompiledMappingOf, compileMapping } from '../mapping/index'
import { type AccountLookup, AccountMatcher } from './AccountMatcher'
import { RecordPipeline } from './RecordPipeline'
import type { SinkBatch, SinkRecordByType } from './RecordSink'
import { RejectCollector } from './RejectCollector'
import type { RunRecorder } from './RunRecorder'
import { SyncError, SyncErrorCode } from './SyncError'
import type { SyncOptions } from './SyncOptions'
import type { SyncPorts, SyncQueryResult } from './SyncPorts'

const DEFAULT_BATCH_SIZE = 1000
const DEFAULT_SAMPLES_PER_REASON = 5

/**
 * Maps, resolves and writes a whole result in batches of `batchSize` records. The mapping is compiled first, so a
 * missing column fails the run before anything is written.
 */
export async function writeResult(
  definition: QueryDefinition,
  result: SyncQueryResult,
  accounts: AccountLookup,
  ports: Pick<SyncPorts, 'sink' | 'catalog'>,
  options: SyncOptions,
  run: RunRecorder,
): Promise<void> {
  const compiled = compileMapping(definition, result, ports.catalog)
  const rows = result.results
  const rejects = new RejectCollector(
    result.columns,
    (row) => rows[row - 1],
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
  const context = { rows, definition, rejects, matcher, keyColumn, options, run }
  switch (compiled.type) {
    case 'product_usage':
      return loop(compiled, context, (records) => write({ queryId: definition.id, type: compiled.type, records }))
    case 'custom_field':
      return loop(compiled, context, (records) => write({ queryId: definition.id, type: compiled.type, records }))
    case 'custom_object':
      return loop(compiled, context, (records) => write({ queryId: definition.id, type: compiled.type, records }))
    default:
      return compiled satisfies never
  }
}

interface LoopContext {
  rows: SyncQueryResult['results']
  definition: QueryDefinition
  rejects: RejectCollector
  matcher: AccountMatcher
  keyColumn: string
  options: SyncOptions
  run: RunRecorder
}

async function loop<T extends QueryType>(
  compiled: CompiledMappingOf<T>,
  { rows, definition, rejects, matcher, keyColumn, options, run }: LoopContext,
  write: (records: SinkRecordByType[T][]) => Promise<void>,
): Promise<void> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  const pipeline = new RecordPipeline(compiled, matcher, rejects, definition.mapping.account.column, keyColumn)
  run.progress('writing')
  let pending: SinkRecordByType[T][] = []
  const flush = async (records: SinkRecordByType[T][]) => {
    options.signal?.throwIfAborted()
    await write(records)
    run.written += records.length
  }
  // Rows are processed a batch at a time so progress, rejects and writes advance together.
  for (let from = 0; from < rows.length; from += batchSize) {
    const to = Math.min(rows.length, from + batchSize)
    const ready = pipeline.process(rows, from, to)
    pending = pending.length === 0 ? ready : pending.concat(ready)
    while (pending.length >= batchSize) {
      await flush(pending.slice(0, batchSize))
      pending = pending.slice(batchSize)
    }
    run.rowsProcessed = to
    if (options.onRejects) {
      const drained = rejects.drain()
      if (drained.length > 0) await options.onRejects(drained)
    }
    run.progress('writing')
  }
  if (pending.length > 0) await flush(pending)
}
