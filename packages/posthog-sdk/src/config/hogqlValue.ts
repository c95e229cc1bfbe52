import * as z from 'zod'

/** A constant passed to PostHog through `values` and inlined for a `{name}` placeholder. */
export type HogQLValue = string | number | boolean | null | HogQLValue[]

/** A {@link HogQLValue}. */
export const hogqlValueSchema: z.ZodType<HogQLValue> = z.lazy(() =>
  z.union([z.string(), z.number().finite(), z.boolean(), z.null(), z.array(hogqlValueSchema)], {
    error: 'A placeholder value must be text, a number, true/false, null or a list of those.',
  }),
)

/** The placeholders the sync fills with each run's time window; a saved query cannot set them itself. */
export const WINDOW_PLACEHOLDERS = ['period_start', 'period_end'] as const

/** Placeholder values by name (`{ ev: '$pageview' }` for `{ev}`). */
export const hogqlValuesSchema = z.record(z.string(), hogqlValueSchema).superRefine((values, ctx) => {
  for (const name of Object.keys(values)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `Placeholder "${name}" must be a name of letters, digits and underscores, used as {${name}} in the query.`,
      })
    } else if ((WINDOW_PLACEHOLDERS as readonly string[]).includes(name)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `{${name}} is filled by each sync run with its time window; remove it from the saved values.`,
      })
    }
  }
})
