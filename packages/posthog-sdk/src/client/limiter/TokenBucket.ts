/**
 * A token bucket: holds up to `capacity` tokens and refills `capacity` tokens every `periodMs`, continuously.
 * Starting full allows a burst of `capacity`, which is how PostHog's per-minute and per-hour throttles behave
 * for a fresh key.
 */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor(
    readonly capacity: number,
    readonly periodMs: number,
    nowMs: number,
  ) {
    this.tokens = capacity
    this.updatedAt = nowMs
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.updatedAt)
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.capacity) / this.periodMs)
    this.updatedAt = nowMs
  }

  /** Milliseconds until one token is available (0 when one is available now). */
  waitMs(nowMs: number): number {
    this.refill(nowMs)
    if (this.tokens >= 1) return 0
    return Math.ceil(((1 - this.tokens) * this.periodMs) / this.capacity)
  }

  /** Takes one token; call only after {@link waitMs} returned 0 at the same time. */
  take(nowMs: number): void {
    this.refill(nowMs)
    this.tokens -= 1
  }

  /** Tokens available now (fractional). */
  available(nowMs: number): number {
    this.refill(nowMs)
    return this.tokens
  }
}
