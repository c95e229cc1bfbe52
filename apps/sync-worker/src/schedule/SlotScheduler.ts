import type { Cadence } from '@statisfy/posthog-sdk'

/** One schedule slot of a query: the instant its cadence named, in epoch milliseconds. */
export interface Slot {
  tenantId: string
  queryId: string
  slotMs: number
}

/** What the scheduler needs of a saved (or built-in) query to wake the worker for it. */
export interface ScheduledQuery {
  tenantId: string
  queryId: string
  cadence: Cadence
  enabled: boolean
}

/**
 * Wakes the worker at a query's slots. Its ticks are only wake-ups: the worker records each slot in its ledger
 * (one run per slot however many processes see it) and reads from the query's watermark, never from the tick time,
 * so a late, doubled or missing tick changes nothing but when the run starts. Two implementations: in-process
 * timers (embedded) and BullMQ job schedulers (scale-out).
 */
export interface SlotScheduler {
  /** Starts delivering ticks to `onSlot`; a tick whose handler throws is logged and retried by the next tick. */
  start(onSlot: (slot: Slot) => Promise<void>): Promise<void>
  /** Arms or re-arms a query (a changed cadence takes effect from its next slot); `enabled: false` disarms it. */
  upsert(query: ScheduledQuery): Promise<void>
  /** Disarms a query. Removing one that is not armed is not an error. */
  remove(tenantId: string, queryId: string): Promise<void>
  /** Stops taking ticks and waits for the handlers in progress. */
  close(): Promise<void>
}
