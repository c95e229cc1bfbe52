import { type Cadence, nextRuns } from '@statisfy/posthog-sdk'

/** Most slots one call walks through: a year of 5-minute slots; a longer gap is cut to its newest slots. */
const MAX_SLOTS = 110_000
const BATCH = 512

/**
 * The cadence's slots in `(afterMs, nowMs]`, oldest first: the slots a tick (or a sweep after downtime) finds due.
 * The last one is the slot to run; the others are covered by its window or, past the catch-up window, missed.
 */
export function dueSlots(cadence: Cadence, afterMs: number, nowMs: number): number[] {
  if (nowMs <= afterMs) return []
  if (cadence.kind === 'every_minutes') {
    // Fixed steps aligned to the epoch (as nextRuns): arithmetic, however long the gap.
    const step = cadence.minutes * 60_000
    const last = Math.floor(nowMs / step) * step
    const first = Math.max(Math.floor(afterMs / step) * step + step, last - (MAX_SLOTS - 1) * step)
    const slots: number[] = []
    for (let at = first; at <= last; at += step) slots.push(at)
    return slots
  }
  const slots: number[] = []
  let cursor = new Date(afterMs)
  // A tick usually finds one slot due: ask croner for two (that one and the next, which ends the walk) and grow,
  // not for 512 (a year and a half of a daily cadence, computed in its zone on every tick, was most of a tick).
  let size = 2
  while (slots.length < MAX_SLOTS) {
    const batch = nextRuns(cadence, cursor, size)
    size = Math.min(size * 8, BATCH)
    for (const at of batch) {
      if (at.getTime() > nowMs) return slots
      slots.push(at.getTime())
    }
    const last = batch.at(-1)
    if (!last) return slots
    cursor = last
  }
  return slots
}

/** The first slot strictly after `afterMs`. */
export function nextSlot(cadence: Cadence, afterMs: number): number {
  const [next] = nextRuns(cadence, new Date(afterMs), 1)
  if (!next) throw new RangeError('A cadence always has a next run.')
  return next.getTime()
}
