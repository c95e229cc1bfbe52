import { type Emulator, type StartEmulatorOptions, startEmulator } from '@statisfy/posthog-emulator'
import { afterAll, beforeAll } from 'vitest'
import { createPostHogClient, type PostHogClient } from '../createPostHogClient'
import { RateLimiter } from '../limiter/RateLimiter'
import type { PostHogClientOptions } from '../PostHogClientOptions'
import { systemClock } from '../time/Clock'

/**
 * Starts one emulator for the test file (real HTTP on 127.0.0.1, HogQL on chdb) and stops it after.
 * The getter is valid inside tests.
 */
export function useEmulator(options: StartEmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, size: 100_000, ...options })
  }, 180_000)
  afterAll(async () => {
    await emulator?.close()
  })
  return () => {
    if (!emulator) throw new Error('The emulator is not running yet: call the getter inside a test.')
    return emulator
  }
}

/**
 * A client of the emulator with the full-access key, quick retries and its own limiter (so tests do not share the
 * process-wide one), overridable per test.
 */
export function clientOf(emulator: Emulator, overrides: Partial<PostHogClientOptions> = {}): PostHogClient {
  emulator.faults.reset()
  return createPostHogClient({
    apiHost: emulator.url,
    projectId: emulator.projectId,
    personalApiKey: emulator.keys.full,
    retry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 200, maxElapsedMs: 20_000 },
    limiter: new RateLimiter({ concurrency: 3, perMinute: 10_000, perHour: 100_000 }, overrides.clock ?? systemClock),
    ...overrides,
  })
}

/** Runs `promise` and returns what it threw (fails the test if it resolved). */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail, but it succeeded')
}
