/** How the client retries transient failures (429, 502/503/504, 500, network errors, cut bodies). */
export interface RetryOptions {
  /**
   * Total attempts per request, the first one included. `1` disables retries.
   * @default 4
   */
  attempts?: number
  /**
   * Upper bound on the time spent on one request across attempts and waits. A wait PostHog asks for that
   * would end past this bound is not waited: the `rate_limited` error is returned at once with its `retryAfterMs`.
   * @default 120000
   */
  maxElapsedMs?: number
  /**
   * First backoff ceiling; doubles each retry (full jitter: the actual wait is random below the ceiling).
   * @default 500
   */
  baseDelayMs?: number
  /**
   * Largest backoff ceiling.
   * @default 30000
   */
  maxDelayMs?: number
}

/** {@link RetryOptions} with every default applied. */
export type ResolvedRetryOptions = Required<RetryOptions>

/** Applies the defaults of {@link RetryOptions}. */
export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  return {
    attempts: Math.max(1, Math.floor(options?.attempts ?? 4)),
    maxElapsedMs: options?.maxElapsedMs ?? 120_000,
    baseDelayMs: options?.baseDelayMs ?? 500,
    maxDelayMs: options?.maxDelayMs ?? 30_000,
  }
}
