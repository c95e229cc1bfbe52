import { dryRunSample } from '../../../sync/index'
import type { OperationHandlers } from '../RouteContext'
import { loadCatalog } from './catalogRoutes'
import { runPreview } from './hogqlRoutes'

/** `POST /dry-run`: map and resolve against the given sample, or a fresh preview of the definition's query. */
export const dryRunRoutes: Pick<OperationHandlers, 'dryRun'> = {
  async dryRun(context, { body }) {
    const { definition } = body
    let sample: { columns: string[]; types?: string[] | undefined; rows: unknown[][] }
    let hogql: string | null = null
    if (body.sample) sample = body.sample
    else {
      const preview = await runPreview(
        context,
        { hogql: definition.hogql, values: definition.values, window: body.window, limit: body.limit },
        'definition.hogql',
      )
      sample = preview
      hogql = preview.hogql
    }
    const catalog = await loadCatalog(context)
    const directory = await context.directory(context.tenantId)
    const report = await dryRunSample(
      definition,
      { columns: sample.columns, types: sample.types ?? null, rows: sample.rows },
      { catalog, directory },
      { signal: context.signal },
    )
    return { ...report, hogql }
  },
}
