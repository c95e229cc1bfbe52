import type { Cadence } from '@statisfy/posthog-sdk'

const WEEKDAY = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 0 } as const

/** A BullMQ job scheduler's repeat options: a cron `pattern` in a `tz`, or `every` milliseconds. */
export type RepeatOptions = { pattern: string; tz: string } | { every: number }

/**
 * The wake-ups of a cadence as a BullMQ job scheduler repeats them. They only need to wake the worker at (or just
 * after) each slot: the worker works out the slot itself with the SDK's `nextRuns` and its ledger ignores a wake-up
 * whose slot already ran. So a monthly day past the 28th wakes on days 28 to 31 (cron has no "the 31st, or the last
 * day"). The queue computes the wake-ups with croner (cronerRepeatStrategy), as the SDK computes the slots, so DST
 * nights wake the worker on the same instants.
 */
export function repeatOptionsOf(cadence: Cadence): RepeatOptions {
  switch (cadence.kind) {
    case 'every_minutes':
      // Slots are multiples of it since the epoch (nextRuns); the scheduler starts on one (createQueueSlotScheduler).
      return { every: cadence.minutes * 60_000 }
    case 'daily':
      return { pattern: `${minuteHour(cadence.at)} * * *`, tz: cadence.timeZone }
    case 'weekly':
      return { pattern: `${minuteHour(cadence.at)} * * ${WEEKDAY[cadence.weekday]}`, tz: cadence.timeZone }
    case 'monthly':
      return {
        pattern: `${minuteHour(cadence.at)} ${cadence.day <= 28 ? cadence.day : '28-31'} * *`,
        tz: cadence.timeZone,
      }
    default:
      return cadence satisfies never
  }
}

function minuteHour(at: string): string {
  const [hour, minute] = at.split(':')
  return `${Number(minute)} ${Number(hour)}`
}
