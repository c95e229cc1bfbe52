import type * as z from 'zod'
import { StatisfyError } from '../errors/StatisfyError'

/** Stable codes of configuration errors. */
export const ConfigErrorCode = {
  InvalidConfig: 'invalid_config',
} as const
export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode]

/** One problem found in a configuration, at a dotted field path (`mapping.account.column`, `cadence.at`). */
export interface ConfigIssue {
  path: string
  message: string
}

/**
 * A saved configuration (connection, query definition, catalog) did not parse. `issues` lists every problem with its
 * field path; the message repeats them so a log line alone is enough to fix the input.
 */
export class ConfigError extends StatisfyError<ConfigErrorCode> {
  override readonly name = 'ConfigError'
  readonly issues: readonly ConfigIssue[]

  constructor(subject: string, issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const lines = issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`)
    super(ConfigErrorCode.InvalidConfig, `Invalid ${subject}:\n${lines.join('\n')}`, options)
    this.issues = issues
  }
}

/** True when `error` is a {@link ConfigError}. */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError
}

/** Turns zod issues into path + message pairs a person can act on. */
export function toConfigIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

/** Parses `input` with `schema`, throwing a {@link ConfigError} naming `subject` on failure. */
export function parseWith<T>(schema: z.ZodType<T>, subject: string, input: unknown): T {
  const result = schema.safeParse(input)
  if (!result.success) throw new ConfigError(subject, toConfigIssues(result.error), { cause: result.error })
  return result.data
}
