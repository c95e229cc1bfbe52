import type { Logger } from '@statisfy/posthog-sdk/server'
import pino from 'pino'

/**
 * The worker's structured logger (pino, JSON lines on stderr), as the SDK's `Logger` port. Keys never reach it: the
 * worker logs ids, counts and error codes only, and the redaction below is a second line for fields a future log
 * call might add by mistake.
 */
export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
): Logger & { pino: pino.Logger } {
  const logger = pino(
    {
      level,
      base: { service: 'sync-worker', pid: process.pid },
      redact: {
        paths: ['personalApiKey', 'apiKey', 'key', 'token', 'authorization', 'sealingKey', '*.personalApiKey'],
        censor: '[redacted]',
      },
    },
    destination,
  )
  return {
    pino: logger,
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  }
}
