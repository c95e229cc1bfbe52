import * as z from 'zod'

/**
 * PostHog's error body (drf-exceptions-hog): `{ type, code, detail, attr }`, sometimes with `extra`.
 * Every key is optional so that proxies' and older servers' bodies still parse; unknown keys are ignored.
 */
export const errorBodySchema = z.looseObject({
  type: z.string().nullish(),
  code: z.string().nullish(),
  detail: z.unknown().optional(),
  attr: z.string().nullish(),
})

/** A parsed PostHog error body. */
export type ErrorBody = z.infer<typeof errorBodySchema>
