import * as z from 'zod'
import { apiHostSchema } from './apiHost'
import { parseWith } from './ConfigError'

/**
 * A PostHog project id: the number in the project's URL (`/project/12345`). PostHog also accepts `@current`,
 * but a saved connection must not change meaning when the key owner switches projects, so only numbers are allowed.
 */
export const projectIdSchema = z
  .union([z.number(), z.string()], { error: 'Enter the numeric PostHog project id.' })
  .transform((value, ctx) => {
    const text = String(value).trim()
    if (!/^\d{1,12}$/.test(text) || Number(text) === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Project id must be the number from your PostHog project URL (e.g. 12345), got "${text}".`,
      })
      return z.NEVER
    }
    return Number(text)
  })

/**
 * A PostHog Personal API key (`phx_…`) or project secret API key (`phs_…`) with `query:read`.
 * A `phc_` project token is the public ingestion token and cannot read data.
 */
export const personalApiKeySchema = z
  .string({ error: 'Enter the PostHog personal API key.' })
  .transform((value, ctx) => {
    const key = value.trim()
    if (key.startsWith('phc_')) {
      ctx.addIssue({
        code: 'custom',
        message:
          'This is the project token (phc_…), the public ingestion token; it cannot read data. Create a personal API key (phx_…) with query:read under Settings → Personal API keys.',
      })
      return z.NEVER
    }
    if (!/^(phx|phs)_[A-Za-z0-9_-]{8,}$/.test(key)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'A PostHog personal API key starts with phx_ (or phs_ for a project secret key) followed by letters and digits; copy it again from PostHog.',
      })
      return z.NEVER
    }
    return key
  })

/** How to reach one PostHog project. */
export const postHogConnectionSchema = z.object({
  apiHost: apiHostSchema,
  projectId: projectIdSchema,
  personalApiKey: personalApiKeySchema,
})

/** How to reach one PostHog project, as saved (normalised). */
export type PostHogConnection = z.output<typeof postHogConnectionSchema>
/** What a form or request body may contain before normalisation. */
export type PostHogConnectionInput = z.input<typeof postHogConnectionSchema>

/** Parses and normalises a connection, throwing a `ConfigError` with field paths on bad input. */
export function parseConnection(input: unknown): PostHogConnection {
  return parseWith(postHogConnectionSchema, 'PostHog connection', input)
}
