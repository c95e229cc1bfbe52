import type { RepeatStrategy } from 'bullmq'
import { Cron } from 'croner'

/**
 * BullMQ's next wake-up of a `pattern` scheduler, computed with croner, the library the SDK's `nextRuns` computes the
 * slots with: the queue then wakes the worker on the very instants its ledger expects, DST nights included (BullMQ's
 * own cron-parser resolves a skipped or repeated local hour its own way, and with luxon was about a tenth of a
 * process's CPU in a burst of ticks). Same contract as BullMQ's default: the first time strictly after `millis`, or
 * after `startDate` when later.
 */
export const cronerRepeatStrategy: RepeatStrategy = (millis, opts) => {
  if (!opts.pattern) return undefined
  const start = opts.startDate === undefined ? Number.NEGATIVE_INFINITY : new Date(opts.startDate).getTime()
  return new Cron(opts.pattern, { timezone: opts.tz ?? 'UTC', paused: true })
    .nextRun(new Date(Math.max(millis, start)))
    ?.getTime()
}
