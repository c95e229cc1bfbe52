import { nextSlot } from '../runner/cadenceSlots'
import type { WorkerClock } from '../runner/WorkerClock'
import type { ScheduledQuery, Slot, SlotScheduler } from './SlotScheduler'

/** Options of {@link createTimerSlotScheduler}. */
export interface TimerSlotSchedulerOptions {
  /** @default the system clock */
  clock?: Pick<WorkerClock, 'now'>
  /** Where ticks whose handler threw are reported. */
  onError?: (error: unknown, slot: Slot) => void
}

// setTimeout holds at most ~24.8 days; a later slot is re-armed when the timer fires early.
const MAX_DELAY_MS = 2 ** 31 - 1

/**
 * The embedded scheduler: one in-process timer per armed query, firing at its next slot (from the SDK's
 * `nextRuns`, so DST follows the cadence's zone). Nothing is kept here: after a restart the worker's sweep finds
 * the slots that fell due while it was down, from the ledger.
 */
export function createTimerSlotScheduler(options: TimerSlotSchedulerOptions = {}): SlotScheduler {
  const clock = options.clock ?? { now: () => Date.now() }
  const armed = new Map<string, { query: ScheduledQuery; timer: NodeJS.Timeout }>()
  const inFlight = new Set<Promise<void>>()
  let onSlot: ((slot: Slot) => Promise<void>) | null = null
  let closed = false
  const keyOf = (tenantId: string, queryId: string) => `${tenantId}\u0000${queryId}`

  function arm(query: ScheduledQuery) {
    const key = keyOf(query.tenantId, query.queryId)
    const previous = armed.get(key)
    if (previous) clearTimeout(previous.timer)
    armed.delete(key)
    if (!query.enabled || closed) return
    const slotMs = nextSlot(query.cadence, clock.now())
    const timer = setTimeout(() => fire(query, slotMs), Math.min(Math.max(0, slotMs - clock.now()), MAX_DELAY_MS))
    timer.unref()
    armed.set(key, { query, timer })
  }

  function fire(query: ScheduledQuery, slotMs: number) {
    if (clock.now() >= slotMs && onSlot) {
      const slot = { tenantId: query.tenantId, queryId: query.queryId, slotMs }
      const handled = onSlot(slot)
        .catch((error: unknown) => options.onError?.(error, slot))
        .finally(() => inFlight.delete(handled))
      inFlight.add(handled)
    }
    // Re-arm from the fired slot, so the next one is strictly after it even if this timer fired a little early.
    if (armed.get(keyOf(query.tenantId, query.queryId))?.query === query) arm(query)
  }

  return {
    async start(handler) {
      onSlot = handler
    },
    async upsert(query) {
      arm(query)
    },
    async remove(tenantId, queryId) {
      const entry = armed.get(keyOf(tenantId, queryId))
      if (entry) clearTimeout(entry.timer)
      armed.delete(keyOf(tenantId, queryId))
    },
    async close() {
      closed = true
      for (const { timer } of armed.values()) clearTimeout(timer)
      armed.clear()
      await Promise.allSettled([...inFlight])
    },
  }
}
