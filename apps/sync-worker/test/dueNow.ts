import type { WorkerDatabase } from '../src/db/openDatabase'
import { ensureQueryState } from '../src/runner/leases'

const HOUR = 3_600_000

/**
 * Makes an hourly query's current slot due, as after a worker's downtime: the ledger last saw a slot two hours ago,
 * so the first sweep of a worker that starts now ticks the current hour's slot. Returns that slot.
 */
export async function dueNow(database: WorkerDatabase, tenantId: string, queryId: string): Promise<number> {
  const slotMs = Math.floor(Date.now() / HOUR) * HOUR
  await ensureQueryState(database.db, tenantId, queryId)
  await database.db
    .updateTable('query_state')
    .set({ last_slot_ms: slotMs - 2 * HOUR })
    .where('tenant_id', '=', tenantId)
    .where('query_id', '=', queryId)
    .execute()
  return slotMs
}
