import * as z from 'zod'

/** The built-in account resolvers; `custom_field:<key>` matches on a custom field of the host's accounts. */
export const BUILT_IN_RESOLVERS = ['statisfy_id', 'crm_id', 'org_id', 'email_domain', 'account_name'] as const
export type BuiltInResolver = (typeof BUILT_IN_RESOLVERS)[number]

/** How a row's account column is matched to a Statisfy account. */
export type AccountResolver = BuiltInResolver | `custom_field:${string}`

const CUSTOM_FIELD_PREFIX = 'custom_field:'

/** The custom field key of a `custom_field:<key>` resolver, or `undefined` for a built-in one. */
export function customFieldKeyOf(resolver: AccountResolver): string | undefined {
  return resolver.startsWith(CUSTOM_FIELD_PREFIX) ? resolver.slice(CUSTOM_FIELD_PREFIX.length) : undefined
}

function isAccountResolver(value: string): value is AccountResolver {
  if ((BUILT_IN_RESOLVERS as readonly string[]).includes(value)) return true
  const key = value.startsWith(CUSTOM_FIELD_PREFIX) ? value.slice(CUSTOM_FIELD_PREFIX.length) : ''
  return /^[A-Za-z0-9_.-]{1,100}$/.test(key)
}

/** An {@link AccountResolver}. */
export const accountResolverSchema = z
  .string({ error: 'Choose an account resolver.' })
  .refine(isAccountResolver, {
    error: (issue) =>
      `Unknown account resolver "${String(issue.input)}": use ${BUILT_IN_RESOLVERS.join(', ')} or custom_field:<key>.`,
  })
  .transform((value) => value as AccountResolver)
