/**
 * Reads the wait PostHog puts in a 429's text. PostHog sends no `Retry-After` on 429 (drf-exceptions-hog builds
 * a fresh response without DRF's headers), only `"Request was throttled. Expected available in 37 seconds."`
 * (also `"1 second"`, and decimals on some versions).
 * @returns milliseconds, or `undefined` when the text carries no wait (e.g. the concurrency message).
 */
export function parseRateLimitWait(detail: string): number | undefined {
  const match = /expected available in\s+(\d+(?:\.\d+)?)\s*seconds?/i.exec(detail)
  if (!match?.[1]) return undefined
  return Math.ceil(Number(match[1]) * 1000)
}

/**
 * Reads a `Retry-After` header (seconds or an HTTP date). PostHog sets it only on 503 `database_unavailable`.
 * @returns milliseconds, or `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000)
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}

/** True for the concurrency 429 (3 running queries per organisation), old and new texts. */
export function isConcurrencyLimitText(detail: string): boolean {
  return /too many queries are running|maximum concurrency limit|concurrency/i.test(detail)
}
