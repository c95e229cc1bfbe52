import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './loadConfig'

const scaleOut = {
  DATABASE_URL: 'postgres://worker@127.0.0.1:5432/sync',
  SYNC_WORKER_SEALING_KEY: Buffer.alloc(32, 7).toString('base64'),
}

describe('loadConfig', () => {
  it('passes SYNC_WORKER_QUEUE_CONCURRENCY to the queue, and leaves the default without it', () => {
    expect(loadConfig({ ...scaleOut, SYNC_WORKER_QUEUE_CONCURRENCY: '16' }).queueConcurrency).toBe(16)
    expect(loadConfig(scaleOut).queueConcurrency).toBeUndefined()
    expect(loadConfig(scaleOut).queue).toEqual({ postgres: scaleOut.DATABASE_URL })
  })

  it('names the variable when the queue concurrency is not a whole number from 1 to 256', () => {
    for (const value of ['0', '2.5', 'many', '257']) {
      const error = (() => {
        try {
          loadConfig({ ...scaleOut, SYNC_WORKER_QUEUE_CONCURRENCY: value })
        } catch (e) {
          return e
        }
      })()
      expect(error, value).toBeInstanceOf(ConfigError)
      expect((error as Error).message).toMatch(/^Environment variable SYNC_WORKER_QUEUE_CONCURRENCY is invalid/)
    }
  })
})
