import type { Logger } from '@statisfy/posthog-sdk/server'
import type { WorkerConfig } from '../config/loadConfig'
import { openCliWorker, print, resolveTenant } from './cliContext'
import type { CliFlags } from './main'
import { follow } from './runCommand'
import { UsageError } from './UsageError'

function instant(flag: string, value: string | undefined): Date {
  const date = value ? new Date(value) : new Date(Number.NaN)
  if (Number.isNaN(date.getTime()))
    throw new UsageError(
      `--${flag} must be a date or an ISO 8601 instant (2026-01-01 or 2026-01-01T00:00:00Z), got '${value ?? ''}'.`,
    )
  return date
}

/**
 * `sync-worker backfill <query> --from --to`: reads the range in chunks, one run each, here, with progress. Run the
 * same command again after an interruption: finished chunks are kept, the rest resumes.
 */
export async function backfillCommand(
  config: WorkerConfig,
  logger: Logger,
  args: string[],
  flags: CliFlags,
): Promise<number> {
  const [queryId] = args
  if (!queryId) throw new UsageError('Name the query: sync-worker backfill <query> --from 2026-01-01 --to 2026-02-01')
  const from = instant('from', flags.from)
  const to = instant('to', flags.to)
  if (from >= to) throw new UsageError('--from must be before --to.')
  const app = await openCliWorker(config, logger)
  try {
    const tenantId = await resolveTenant(app.stores, flags.tenant)
    const id = await app.worker.backfills.start(tenantId, queryId, from, to)
    for (;;) {
      const state = await app.worker.backfills.get(id)
      if (!state) throw new Error(`The backfill ${id} disappeared.`)
      if (state.status !== 'running') {
        print(flags.json, state, () => [
          `backfill ${id} of ${queryId}: ${state.status}, ${state.chunks.filter((c) => c.status === 'succeeded' || c.status === 'partial').length} of ${state.chunks.length} chunks done`,
          ...state.chunks.map((c) => `  ${c.start} .. ${c.end}  ${c.status}${c.runId ? `  ${c.runId}` : ''}`),
        ])
        return state.status === 'succeeded' ? 0 : 1
      }
      const index = state.chunks.findIndex((c) => c.status === 'pending' && c.runId)
      const chunk = state.chunks[index]
      if (chunk?.runId)
        await follow(app.stores.runs(), tenantId, chunk.runId, flags.json, {
          label: `chunk ${index + 1}/${state.chunks.length}`,
          // A chunk whose process died mid-run is taken over here once its lease expires.
          whileWaiting: () => app.worker.backfills.advance(id),
        })
      await app.worker.backfills.advance(id)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    await app.close()
  }
}
