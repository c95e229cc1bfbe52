import type * as z from 'zod'
import { PostHogClientError } from '../errors/PostHogClientError'

/** An `invalid_response` error naming the first field of a PostHog answer that did not match what PostHog sends. */
export function schemaError(what: string, error: z.ZodError, hogql?: string): PostHogClientError {
  const issue = error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)'
  return new PostHogClientError(
    'invalid_response',
    `PostHog's ${what} has an unexpected shape at '${field}': ${issue?.message ?? 'invalid'}. Check that the API host points at PostHog; if it does, this PostHog version answers differently than expected.`,
    { field, hogql },
    { cause: error },
  )
}
