/** The time source of the emulator (rate-limit windows, async status expiry, cache timestamps); inject a fake in tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() }
