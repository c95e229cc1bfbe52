/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff and Jitter"):
 * a uniformly random delay in [0, min(capMs, baseMs * 2^attempt)). Full jitter spreads retries of many
 * clients hitting the same limit instead of letting them retry in lockstep.
 * @param attempt 0 for the first retry.
 * @param random a source in [0, 1), injectable for tests.
 */
export function computeBackoff(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt)
  return Math.floor(random() * ceiling)
}
