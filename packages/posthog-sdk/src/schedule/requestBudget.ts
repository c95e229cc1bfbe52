import type { Cadence } from '../config/cadence'

/** PostHog's per-key limits for API queries (DESIGN.md §8, reference §4.3), which the SDK respects by default. */
export const DEFAULT_POSTHOG_LIMITS = { concurrency: 3, perMinute: 240, perHour: 2400 } as const

/** Per-key request limits. */
export interface RequestLimits {
  /** Queries running at once. @default 3 */
  concurrency: number
  /** Queries per minute. @default 240 */
  perMinute: number
  /** Queries per hour. @default 2400 */
  perHour: number
}

const HOURS_PER = { daily: 24, weekly: 24 * 7, monthly: (24 * 365.25) / 12 } as const

/** How often a cadence runs, on average, per hour. */
export function runsPerHour(cadence: Cadence): number {
  switch (cadence.kind) {
    case 'every_minutes':
      return 60 / cadence.minutes
    case 'daily':
    case 'weekly':
    case 'monthly':
      return 1 / HOURS_PER[cadence.kind]
    default:
      return cadence satisfies never
  }
}

/** One scheduled query's share of the budget. */
export interface BudgetItem {
  cadence: Cadence
  /**
   * PostHog requests one run makes: 1 for a result under the row cap; each window split adds 2.
   * @default 1
   */
  requestsPerRun?: number
}

/** What a set of schedules asks of one key, against its hourly limit. */
export interface BudgetProjection {
  /** Average PostHog requests per hour. */
  requestsPerHour: number
  /** The key's hourly limit. */
  limitPerHour: number
  /** `requestsPerHour / limitPerHour` (1 = the whole budget). */
  share: number
  /** `ok` below 50 % of the budget, `tight` up to 100 %, `over` beyond. */
  status: 'ok' | 'tight' | 'over'
}

/**
 * Projects the PostHog requests per hour a set of scheduled queries makes on one key, so a schedule editor can warn
 * before a cadence exhausts the key's budget (PostHog answers 429 past 2,400 queries an hour by default).
 */
export function projectRequestBudget(
  items: readonly BudgetItem[],
  limits: Pick<RequestLimits, 'perHour'> = DEFAULT_POSTHOG_LIMITS,
): BudgetProjection {
  const requestsPerHour = items.reduce((sum, item) => sum + runsPerHour(item.cadence) * (item.requestsPerRun ?? 1), 0)
  const share = requestsPerHour / limits.perHour
  return {
    requestsPerHour,
    limitPerHour: limits.perHour,
    share,
    status: share <= 0.5 ? 'ok' : share <= 1 ? 'tight' : 'over',
  }
}
