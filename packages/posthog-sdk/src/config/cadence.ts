import * as z from 'zod'
import { timeZoneSchema } from './timeZone'

/** Days of the week as saved in a weekly cadence. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Bounds of sub-day cadences: PostHog's per-key budget makes anything faster than 5 minutes wasteful. */
export const MIN_INTERVAL_MINUTES = 5
export const MAX_INTERVAL_MINUTES = 24 * 60

const timeOfDaySchema = z
  .string({ error: 'Enter a time of day as HH:MM.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Enter a time of day as HH:MM in 24-hour form, e.g. 06:30.' })

/** Runs once a day at `at` local time. */
export const dailyCadenceSchema = z.object({
  kind: z.literal('daily'),
  at: timeOfDaySchema,
  timeZone: timeZoneSchema,
})

/** Runs once a week on `weekday` at `at` local time. */
export const weeklyCadenceSchema = z.object({
  kind: z.literal('weekly'),
  weekday: z.enum(WEEKDAYS, { error: `Choose a weekday: ${WEEKDAYS.join(', ')}.` }),
  at: timeOfDaySchema,
  timeZone: timeZoneSchema,
})

/** Runs once a month on `day` at `at` local time; a day past the month's end runs on its last day (31 → 30 April). */
export const monthlyCadenceSchema = z.object({
  kind: z.literal('monthly'),
  day: z
    .number({ error: 'Choose a day of the month from 1 to 31.' })
    .int({ message: 'Choose a whole day of the month from 1 to 31.' })
    .min(1, { message: 'Choose a day of the month from 1 to 31.' })
    .max(31, { message: 'Choose a day of the month from 1 to 31.' }),
  at: timeOfDaySchema,
  timeZone: timeZoneSchema,
})

/** Runs every `minutes` minutes (5 to 1440), at fixed intervals aligned to midnight UTC; `timeZone` is for display. */
export const everyMinutesCadenceSchema = z.object({
  kind: z.literal('every_minutes'),
  minutes: z
    .number({ error: `Enter the interval in minutes (${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES}).` })
    .int({ message: 'Enter a whole number of minutes.' })
    .min(MIN_INTERVAL_MINUTES, {
      message: `Run at most every ${MIN_INTERVAL_MINUTES} minutes; faster schedules exhaust PostHog's query budget.`,
    })
    .max(MAX_INTERVAL_MINUTES, { message: 'For intervals over 24 hours choose a daily, weekly or monthly cadence.' }),
  timeZone: timeZoneSchema,
})

/** When a saved query runs. */
export const cadenceSchema = z.discriminatedUnion(
  'kind',
  [dailyCadenceSchema, weeklyCadenceSchema, monthlyCadenceSchema, everyMinutesCadenceSchema],
  { error: 'Choose a cadence kind: daily, weekly, monthly or every_minutes.' },
)

export type DailyCadence = z.infer<typeof dailyCadenceSchema>
export type WeeklyCadence = z.infer<typeof weeklyCadenceSchema>
export type MonthlyCadence = z.infer<typeof monthlyCadenceSchema>
export type EveryMinutesCadence = z.infer<typeof everyMinutesCadenceSchema>
export type Cadence = z.infer<typeof cadenceSchema>
export type CadenceKind = Cadence['kind']
