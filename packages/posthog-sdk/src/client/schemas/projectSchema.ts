import * as z from 'zod'

/** The fields of `GET /api/projects/{id}/` the client reads (the real body has many more). */
export const projectSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  timezone: z.string().nullish(),
  organization: z.union([z.string(), z.looseObject({ id: z.string() })]).nullish(),
})

/** A parsed project. */
export type ProjectBody = z.infer<typeof projectSchema>

/** `GET /api/personal_api_keys/@current/` (posthog/api/personal_api_key.py `PersonalAPIKeySerializer`). */
export const personalApiKeySchema = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  label: z.string().nullish(),
  mask_value: z.string().nullish(),
  // The serializer answers ["*"] for a key created before scopes existed (`scopes or ["*"]`).
  scopes: z.array(z.string()).nullish(),
  scoped_teams: z.array(z.number()).nullish(),
  scoped_organizations: z.array(z.string()).nullish(),
})

/** A parsed personal API key description. */
export type PersonalApiKeyBody = z.infer<typeof personalApiKeySchema>
