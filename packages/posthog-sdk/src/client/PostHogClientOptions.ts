import type { RateLimitOptions, RequestLimiter } from './limiter/RateLimiter'
import type { RetryOptions } from './retry/RetryOptions'
import type { Clock } from './time/Clock'
import type { RetryListener } from './transport/Transport'

/** How integers wider than 53 bits (UInt64/Int64 and wider) above `Number.MAX_SAFE_INTEGER` are returned. */
export type WideIntegerMode = 'string' | 'bigint'

/** Options of {@link createPostHogClient}. */
export interface PostHogClientOptions {
  /**
   * The PostHog app host that serves the private API: `https://us.posthog.com`, `https://eu.posthog.com`, or a
   * self-hosted origin. Not an ingestion host (`*.i.posthog.com`). A trailing slash is ignored.
   * @example 'https://eu.posthog.com'
   */
  apiHost: string
  /**
   * The numeric project (environment) id from the project's settings, or `'@current'` for the key owner's current
   * project.
   * @example 12345
   */
  projectId: number | string
  /** A personal API key (`phx_…`) or project secret key (`phs_…`) with the `query:read` scope. */
  personalApiKey: string
  /**
   * The `fetch` to use; inject one for proxies, tests or runtimes without a global `fetch`.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch
  /**
   * Time allowed for one HTTP attempt (connect, wait, and read the whole body). PostHog Cloud's gateway cuts
   * synchronous requests after about 60 s, so the default waits a little longer to receive PostHog's own 504
   * rather than giving up first. Use `mode: 'async'` for longer queries.
   * @default 65000
   */
  timeoutMs?: number
  /** Retries of transient failures; see {@link RetryOptions}. */
  retry?: RetryOptions
  /**
   * PostHog's per-key limits, enforced in this process across every client built with the same host and key. The
   * clients share one limiter: the strictest limits any of them was given apply to all.
   * @default { concurrency: 3, perMinute: 240, perHour: 2400 }
   */
  rateLimit?: RateLimitOptions
  /**
   * A limiter to use instead of the process-wide one for this host and key: a {@link RateLimiter} on a manual
   * clock in tests, or a {@link RequestLimiter} over state shared by several processes (the sync worker's). `rateLimit`
   * is ignored when this is set.
   */
  limiter?: RequestLimiter
  /**
   * The time port: `now`, `sleep`, timers. Inject a manual clock in tests.
   * @default systemClock
   */
  clock?: Clock
  /**
   * Random source in [0, 1) for backoff jitter.
   * @default Math.random
   */
  random?: () => number
  /**
   * `User-Agent` sent with each request (browsers may ignore it).
   * @default 'statisfy-posthog-sdk'
   */
  userAgent?: string
  /**
   * How integers above 2^53 − 1 in UInt64/Int64 (and wider) columns come back: exact decimal strings (JSON-safe,
   * the default) or `bigint`. Smaller integers are always plain numbers.
   * @default 'string'
   */
  wideIntegers?: WideIntegerMode
  /** Called before each retry, with the error and the delay; for logs and progress displays. */
  onRetry?: RetryListener
}
