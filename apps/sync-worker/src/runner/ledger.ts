import type { ApiRunTrigger, QueryDefinition } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'
import { insertQueuedRun } from '../store/createRunStore'
import { dueSlots } from './cadenceSlots'
import { ensureQueryState } from './leases'
import { queuedRun } from './runRecords'

/** What became of a tick. */
export type SlotOutcome =
  | { kind: 'queued'; slotMs: number; runId: string; collapsed: number; missed: number }
  | { kind: 'buffered_already'; slotMs: number; collapsed: number; missed: number }
  | { kind: 'missed'; slotMs: number; missed: number }
  | { kind: 'nothing_due' }

// A long outage of a frequent query would write thousands of ledger rows that say the same thing: keep the newest.
const MAX_LEDGER_ROWS_PER_TICK = 1000

/** A run to queue: its id, and the columns the worker needs to run it later. */
export interface RunToQueue {
  tenantId: string
  queryKey: string
  definition: QueryDefinition
  trigger: ApiRunTrigger
  nowMs: number
  slotMs?: number
  backfillId?: string
  window?: { startMs: number; endMs: number }
}

const newRunId = () => `run_${crypto.randomUUID()}`

/**
 * Saves a run `queued` (the history shows it at once) with the worker's columns, in one statement; returns its id.
 * `id` is given when the caller has already written it elsewhere in the transaction (the slot's ledger row).
 */
export async function queueRun(trx: Kysely<Database>, run: RunToQueue, id = newRunId()): Promise<string> {
  const record = queuedRun({ ...run.definition, id: run.queryKey }, id, run.trigger, new Date(run.nowMs))
  await insertQueuedRun(trx, run.tenantId, record, {
    slot_ms: run.slotMs ?? null,
    backfill_id: run.backfillId ?? null,
    window_start_ms: run.window?.startMs ?? null,
    window_end_ms: run.window?.endMs ?? null,
  })
  return id
}

/**
 * Records a tick in the ledger, in the caller's transaction. The slot to run is the newest of the cadence's slots
 * due since the last one recorded (a tick is a wake-up: a late or repeated one finds the same slot, and a tick
 * after downtime finds the newest), and exactly one tick of all processes inserts its row. Older due slots are
 * `collapsed` into that run (its window reaches back to the watermark, so it covers them) or, past the catch-up
 * window, `missed`. With a run of the query already waiting, the slot is `skipped` (one buffered run is enough:
 * the waiting run reads up to when it starts). The slot's row is written once, with its final status: this runs
 * for every slot of every query, so each statement saved counts (a tick's cost is what bounds scheduling lateness).
 */
export async function recordSlot(
  trx: Kysely<Database>,
  input: {
    tenantId: string
    queryKey: string
    definition: QueryDefinition
    tickSlotMs: number
    nowMs: number
    catchUpMs: number
  },
): Promise<SlotOutcome> {
  const { tenantId, queryKey, definition, nowMs } = input
  const after = (await lastSlotOf(trx, tenantId, queryKey)) ?? input.tickSlotMs - 1
  const slots = dueSlots(definition.cadence, after, nowMs)
  const slotMs = slots.at(-1)
  if (slotMs === undefined) return { kind: 'nothing_due' }

  const earlier = slots.slice(0, -1)
  const cut = Math.max(0, earlier.length - MAX_LEDGER_ROWS_PER_TICK)
  const isMissed = (at: number) => nowMs - at > input.catchUpMs
  let missed = 0
  let collapsed = 0
  for (const at of earlier) isMissed(at) ? missed++ : collapsed++

  let outcome: SlotOutcome
  let runId: string | null = null
  if (isMissed(slotMs)) {
    outcome = { kind: 'missed', slotMs, missed: missed + 1 }
  } else {
    const waiting = await trx
      .selectFrom('runs')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('query_id', '=', queryKey)
      .where('stage', '=', 0)
      .where('trigger', '=', 'schedule')
      .executeTakeFirst()
    if (waiting) {
      runId = waiting.id
      outcome = { kind: 'buffered_already', slotMs, collapsed, missed }
    } else {
      runId = newRunId()
      outcome = { kind: 'queued', slotMs, runId, collapsed, missed }
    }
  }
  const status = outcome.kind === 'queued' ? 'queued' : outcome.kind === 'missed' ? 'missed' : 'skipped'
  const detail =
    outcome.kind === 'missed'
      ? `Older than the catch-up window (${input.catchUpMs} ms) when the worker got to it.`
      : outcome.kind === 'buffered_already'
        ? 'A run of this query was already waiting to start; it reads up to when it starts.'
        : null
  const row = { tenant_id: tenantId, query_id: queryKey, created_at: nowMs, delay_ms: null }
  const inserted = await trx
    .insertInto('slots')
    .values({ ...row, slot_ms: slotMs, status, run_id: runId, detail })
    .onConflict((c) => c.columns(['tenant_id', 'query_id', 'slot_ms']).doNothing())
    .executeTakeFirst()
  // Another process recorded this slot first: it is that process's to run.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { kind: 'nothing_due' }
  await trx
    .updateTable('query_state')
    .set({ last_slot_ms: slotMs })
    .where('tenant_id', '=', tenantId)
    .where('query_id', '=', queryKey)
    .execute()
  if (outcome.kind === 'queued')
    await queueRun(trx, { tenantId, queryKey, definition, trigger: 'schedule', nowMs, slotMs }, outcome.runId)

  const rows = earlier.slice(cut).map((at) => ({
    ...row,
    slot_ms: at,
    status: isMissed(at) ? 'missed' : 'collapsed',
    run_id: isMissed(at) ? null : runId,
    detail:
      at === earlier[cut] && cut > 0
        ? `The oldest of ${earlier.length} slots due at once; ${cut} older ones are not listed.`
        : isMissed(at)
          ? 'Older than the catch-up window when the worker got to it.'
          : 'Due while the worker was down or busy; the next run’s window covers it.',
  }))
  for (let from = 0; from < rows.length; from += 200) {
    await trx
      .insertInto('slots')
      .values(rows.slice(from, from + 200))
      .onConflict((c) => c.columns(['tenant_id', 'query_id', 'slot_ms']).doNothing())
      .execute()
  }
  return outcome
}

/** The query's last recorded slot (`null` before its first), creating its state row when it has none. */
async function lastSlotOf(trx: Kysely<Database>, tenantId: string, queryKey: string): Promise<number | null> {
  const read = () =>
    trx
      .selectFrom('query_state')
      .select('last_slot_ms')
      .where('tenant_id', '=', tenantId)
      .where('query_id', '=', queryKey)
      .executeTakeFirst()
  // Arming a query creates its row, so it is there on nearly every tick: insert only when the read finds none.
  let state = await read()
  if (!state) {
    await ensureQueryState(trx, tenantId, queryKey)
    state = await read()
  }
  return state?.last_slot_ms ?? null
}
