/**
 * At most `limit` starts in any `windowMs`: the model of DRF's `SimpleRateThrottle`, which PostHog's throttles
 * extend (posthog/rate_limit.py). DRF keeps the request times of the last window and refuses while it holds
 * `limit` of them; a token bucket that refills continuously would let request `limit + 1` through early and earn
 * a 429. `marginMs` covers the delay between our start and PostHog's arrival stamp.
 */
export class SlidingWindowLog {
  private readonly starts: number[] = []
  private head = 0

  constructor(
    private limitCount: number,
    readonly windowMs: number,
    readonly marginMs: number,
  ) {}

  private prune(nowMs: number): void {
    const oldestKept = nowMs - this.windowMs - this.marginMs
    while (this.head < this.starts.length && this.starts[this.head]! <= oldestKept) this.head++
    // Compact now and then so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.starts.length) {
      this.starts.splice(0, this.head)
      this.head = 0
    }
  }

  /** Starts allowed per window. */
  get limit(): number {
    return this.limitCount
  }

  /** Lowers the number of starts allowed per window. */
  shrink(limit: number): void {
    this.limitCount = Math.min(this.limitCount, limit)
  }

  /** Milliseconds until one more start is allowed (0 when allowed now). */
  waitMs(nowMs: number): number {
    this.prune(nowMs)
    const count = this.starts.length - this.head
    if (count < this.limitCount) return 0
    // The start that must leave the window first is the `count - limit + 1`-th oldest.
    const blocking = this.starts[this.head + count - this.limitCount]!
    return Math.max(1, blocking + this.windowMs + this.marginMs - nowMs)
  }

  /** Records a start; call only after {@link waitMs} returned 0 at the same time. */
  take(nowMs: number): void {
    this.starts.push(nowMs)
  }

  /** Starts still allowed now. */
  available(nowMs: number): number {
    this.prune(nowMs)
    return Math.max(0, this.limitCount - (this.starts.length - this.head))
  }
}
