import type { PostHogClientError } from '../errors/PostHogClientError'
import { computeBackoff } from './computeBackoff'
import type { ResolvedRetryOptions } from './RetryOptions'

/** One failed attempt, as the retry policy sees it. */
export interface FailedAttempt {
  error: PostHogClientError
  /**
   * The failure happened below HTTP (connection reset, cut body): safe to retry for our read-only calls. False for a
   * refusal the fetch port made itself (a kit error such as the host guard's), which another attempt would repeat.
   */
  transient: boolean
}

// Every call the client makes only reads (queries, metadata, schema, project, key, status polls), so a 500 can be
// retried without side effects. PostHog's 500s include passing ClickHouse and infrastructure failures; a
// deterministic 500 costs at most `attempts` requests. 512/513 (too slow / memory) are deterministic: never retried.
const RETRIED_STATUSES = new Set([500, 502, 503, 504])

// A small spread added to PostHog's own wait so clients released by the same window don't all hit the same second.
const WAIT_SPREAD_MS = 250

/**
 * Decides whether and how long to wait before the next attempt.
 * @param attempt the number of attempts made so far (1 after the first failure).
 * @param elapsedMs time spent on this request so far.
 * @returns the delay in ms, or `undefined` to give up with the error.
 */
export function retryDelay(
  failure: FailedAttempt,
  attempt: number,
  elapsedMs: number,
  options: ResolvedRetryOptions,
  random: () => number,
): number | undefined {
  if (attempt >= options.attempts) return undefined
  const { error } = failure
  const backoff = computeBackoff(attempt - 1, options.baseDelayMs, options.maxDelayMs, random)
  let delay: number | undefined
  switch (error.code) {
    case 'rate_limited':
      delay =
        error.retryAfterMs !== undefined
          ? error.retryAfterMs + Math.floor(random() * WAIT_SPREAD_MS)
          : // The concurrency 429 comes after PostHog already waited up to 30 s for a slot: back off at least a second.
            Math.max(backoff, 1000)
      break
    case 'network':
      if (failure.transient) delay = backoff
      break
    case 'server':
    case 'timeout':
      if (error.status !== undefined && RETRIED_STATUSES.has(error.status)) {
        delay = Math.max(backoff, error.retryAfterMs ?? 0)
      }
      break
    case 'invalid_response':
      if (failure.transient) delay = backoff
      break
    default:
      delay = undefined
  }
  if (delay === undefined) return undefined
  if (elapsedMs + delay > options.maxElapsedMs) return undefined
  return delay
}
