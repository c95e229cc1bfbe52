import type { Clock } from '../time/Clock'
import { RateLimiter, type RateLimitOptions } from './RateLimiter'

// One limiter per (host, key) in this JavaScript realm, so that every client built with the same key shares
// PostHog's per-key budget (PostHog counts throttles per key hash since PR #24039).
const registry = new Map<string, RateLimiter>()

/**
 * FNV-1a (64-bit) of the key, so the registry never holds the key itself. Not a security hash: it only names
 * an entry in this process's memory.
 */
export function hashKey(value: string): string {
  let hash = 0xcbf29ce484222325n
  for (let i = 0; i < value.length; i++) {
    hash ^= BigInt(value.charCodeAt(i))
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash.toString(16).padStart(16, '0')
}

/**
 * The process-wide limiter for a host and key, created on first use with the given options and clock.
 * Later callers get the same limiter (and its clock); limits stricter than its own tighten it, looser ones are ignored.
 */
export function sharedRateLimiter(
  apiHost: string,
  apiKey: string,
  options: RateLimitOptions | undefined,
  clock: Clock,
): RateLimiter {
  const id = `${apiHost}|${hashKey(apiKey)}`
  let limiter = registry.get(id)
  if (!limiter) {
    limiter = new RateLimiter(options, clock)
    registry.set(id, limiter)
  } else if (options) {
    // The first client's options must not silently win over a later, stricter one (a legacy team's perHour: 120).
    limiter.tighten(options)
  }
  return limiter
}
