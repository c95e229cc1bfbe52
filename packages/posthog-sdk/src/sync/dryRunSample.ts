import type { Catalog, QueryDefinition, QueryType } from '../config/index'
import { compileMapping, type QueryResultLike } from '../mapping/index'
import { AccountMatcher } from './AccountMatcher'
import type { DryRunReport } from './DryRunReport'
import { toJsonObject } from './jsonValue'
import { MappedRecordPipeline } from './MappedRecordPipeline'
import { ProductUsagePipeline } from './ProductUsagePipeline'
import type { RecordPipeline } from './RecordPipeline'
import type { SinkRecordByType } from './RecordSink'
import { RejectCollector } from './RejectCollector'
import { accountLookup } from './runSync'
import type { AccountSource } from './SyncPorts'
import { toRunError } from './toRunError'

/** Ports of {@link dryRunSample}: the catalog and where accounts come from. No PostHog client, no sink. */
export type DryRunPorts = AccountSource & { catalog: Catalog }

/**
 * Maps and resolves rows the user is already looking at (the preview sample) exactly as a sync would, and writes
 * nothing: the records that would be written, every reject with its reason and row, and the resolver's match rate
 * with unmatched and ambiguous examples. This is the mapping editor's live check. Never throws: a mapping that
 * cannot apply (missing column, catalog mismatch) comes back in `error`.
 * @example
 * const report = await dryRunSample(definition, { columns, types, rows }, { catalog, directory })
 * report.resolver?.matchRate // 0.97
 */
export async function dryRunSample(
  definition: QueryDefinition,
  sample: QueryResultLike,
  ports: DryRunPorts,
  options: { signal?: AbortSignal } = {},
): Promise<DryRunReport> {
  const base = { queryId: definition.id, rowsRead: sample.rows.length }
  try {
    const compiled = compileMapping(definition, sample, ports.catalog)
    const accounts = await accountLookup(ports, [definition.mapping.account.resolver], undefined, options.signal)
    const rejects = new RejectCollector(sample.columns, 0, true)
    rejects.usePage(sample.rows, 0)
    const matcher = new AccountMatcher(accounts, definition.mapping.account.resolver)
    const keyColumn =
      definition.type === 'custom_object' ? definition.mapping.keyColumn : definition.mapping.account.column
    const accountColumn = definition.mapping.account.column
    const run = <T extends QueryType>(pipeline: RecordPipeline<T>) => {
      const out: SinkRecordByType[T][] = []
      pipeline.fill(sample.rows, 0, sample.rows.length, 0, out)
      return out
    }
    const records =
      compiled.type === 'product_usage'
        ? run(new ProductUsagePipeline(compiled.cells, matcher, rejects, accountColumn))
        : compiled.type === 'custom_field'
          ? run(new MappedRecordPipeline(compiled, matcher, rejects, accountColumn, keyColumn))
          : run(new MappedRecordPipeline(compiled, matcher, rejects, accountColumn, keyColumn))
    return {
      ...base,
      records: records.map((record) => ({
        row: record.row,
        record: toJsonObject(record),
      })),
      rejects: rejects.drain(),
      counts: { wouldWrite: records.length, rejected: rejects.total, byReason: rejects.byReason() },
      resolver: matcher.stats(),
      error: null,
    }
  } catch (error) {
    return {
      ...base,
      records: [],
      rejects: [],
      counts: { wouldWrite: 0, rejected: 0, byReason: {} },
      resolver: null,
      error: toRunError(error, options.signal),
    }
  }
}
