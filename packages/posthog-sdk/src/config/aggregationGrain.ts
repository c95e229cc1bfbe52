import * as z from 'zod'

/**
 * The time buckets a saved query groups its rows into, as PostHog computes them in the project's time zone:
 * `hour` = `toStartOfHour`, `day` = `toStartOfDay`, `week_monday` = `toStartOfWeek(x, 1)` / `toMonday`,
 * `week_sunday` = `toStartOfWeek(x)` (mode 0), `month` = `toStartOfMonth`.
 */
export const AGGREGATION_GRAINS = ['hour', 'day', 'week_monday', 'week_sunday', 'month'] as const
export type AggregationGrain = (typeof AGGREGATION_GRAINS)[number]

/**
 * An {@link AggregationGrain}. With one, sync windows start and end on bucket boundaries so no bucket is read in
 * parts; leave it out when the query's rows are not bucketed by time.
 */
export const aggregationGrainSchema = z.enum(AGGREGATION_GRAINS, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a grain; choose ${AGGREGATION_GRAINS.join(', ')}, or leave it out when rows are not bucketed by time.`,
})
