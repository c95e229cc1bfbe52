import type { Clock } from '../time/Clock'
import { Semaphore } from './Semaphore'
import { SlidingWindowLog } from './SlidingWindowLog'

/**
 * PostHog's limits for one personal API key. The defaults are Cloud's "API queries" limits
 * (posthog/rate_limit.py: 240/minute burst, 2400/hour sustained, 3 concurrent per organisation).
 * Teams on the legacy 120/hour HogQL limit should set `perHour: 120`.
 */
export interface RateLimitOptions {
  /**
   * Requests running at once.
   * @default 3
   */
  concurrency?: number
  /**
   * Requests started per rolling minute.
   * @default 240
   */
  perMinute?: number
  /**
   * Requests started per rolling hour.
   * @default 2400
   */
  perHour?: number
  /**
   * Extra wait before a start leaves a window, covering the gap between our clock and PostHog's arrival stamp.
   * @default 1000
   */
  marginMs?: number
}

/** A snapshot of a limiter, for progress displays and request budgets. */
export interface RateLimiterState {
  running: number
  queued: number
  /** Starts still allowed in the current minute window. */
  minuteRemaining: number
  /** Starts still allowed in the current hour window. */
  hourRemaining: number
  /** Epoch ms until which requests are held after a 429, or 0. */
  pausedUntil: number
}

/** Frees the slot taken by {@link RequestLimiter.acquire}. Idempotent. */
export type ReleaseSlot = () => void

/**
 * What the client's transport asks of a limiter around every request: a slot before it starts, and a pause of the
 * whole key after PostHog's 429. {@link RateLimiter} keeps one process under the limits; a host that runs several
 * processes on one key implements this over shared state (the sync worker keeps it in its database).
 */
export interface RequestLimiter {
  /** Waits for a concurrency slot and room in the key's windows, then takes them; rejects if `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot>
  /** Holds every new request on the key for `ms` (PostHog said "Expected available in N seconds"). */
  pause(ms: number): void
  /** The limiter's current state, for progress displays. */
  state(): RateLimiterState
}

/**
 * Keeps one process under PostHog's limits for a key: a concurrency semaphore plus per-minute and per-hour sliding
 * windows, and a shared pause after a 429 so that every request on the key waits out PostHog's stated delay.
 */
export class RateLimiter implements RequestLimiter {
  readonly options: Required<RateLimitOptions>
  private readonly semaphore: Semaphore
  private readonly minute: SlidingWindowLog
  private readonly hour: SlidingWindowLog
  private pausedUntil = 0

  constructor(
    options: RateLimitOptions | undefined,
    private readonly clock: Clock,
  ) {
    this.options = {
      concurrency: options?.concurrency ?? 3,
      perMinute: options?.perMinute ?? 240,
      perHour: options?.perHour ?? 2400,
      marginMs: options?.marginMs ?? 1000,
    }
    this.semaphore = new Semaphore(this.options.concurrency)
    this.minute = new SlidingWindowLog(this.options.perMinute, 60_000, this.options.marginMs)
    this.hour = new SlidingWindowLog(this.options.perHour, 3_600_000, this.options.marginMs)
  }

  /**
   * Waits for a concurrency slot and room in both windows, then takes them.
   * Rejects with the signal's reason if aborted while waiting (nothing is held then).
   */
  async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    await this.semaphore.acquire(signal)
    try {
      for (;;) {
        const now = this.clock.now()
        const wait = Math.max(this.minute.waitMs(now), this.hour.waitMs(now), this.pausedUntil - now)
        if (wait <= 0) {
          this.minute.take(now)
          this.hour.take(now)
          break
        }
        await this.clock.sleep(wait, signal)
      }
    } catch (error) {
      this.semaphore.release()
      throw error
    }
    let released = false
    return () => {
      if (released) return
      released = true
      this.semaphore.release()
    }
  }

  /**
   * Applies the stricter of the current and the given limits (`concurrency`, `perMinute`, `perHour`); never loosens.
   * Clients built for one key share a limiter, and PostHog's budget is one number: the lowest anyone configured wins.
   */
  tighten(options: RateLimitOptions): void {
    const { concurrency, perMinute, perHour } = options
    if (concurrency !== undefined && concurrency < this.options.concurrency) {
      this.options.concurrency = concurrency
      this.semaphore.shrink(concurrency)
    }
    if (perMinute !== undefined && perMinute < this.options.perMinute) {
      this.options.perMinute = perMinute
      this.minute.shrink(perMinute)
    }
    if (perHour !== undefined && perHour < this.options.perHour) {
      this.options.perHour = perHour
      this.hour.shrink(perHour)
    }
  }

  /** Holds every new request on this key for `ms` (after PostHog said "Expected available in N seconds"). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms)
  }

  /** The limiter's current state. */
  state(): RateLimiterState {
    const now = this.clock.now()
    return {
      running: this.semaphore.running,
      queued: this.semaphore.queued,
      minuteRemaining: this.minute.available(now),
      hourRemaining: this.hour.available(now),
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : 0,
    }
  }
}
