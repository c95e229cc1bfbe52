import * as z from 'zod'
import { accountResolverSchema } from './accountResolver'
import { parseWith } from './ConfigError'

/** Value types the host can store in a custom field or custom object attribute. */
export const CATALOG_FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const
export type CatalogFieldType = (typeof CATALOG_FIELD_TYPES)[number]

/** A custom field, or an attribute of a custom object type, as the host defines it. */
export const catalogFieldSchema = z
  .object({
    key: z.string().trim().min(1, { message: 'A catalog field needs a key.' }),
    label: z.string(),
    type: z.enum(CATALOG_FIELD_TYPES, { error: `Field type must be one of ${CATALOG_FIELD_TYPES.join(', ')}.` }),
    /** Allowed values of an `enum` field. */
    options: z.array(z.string()).optional(),
    required: z.boolean().optional(),
  })
  .refine((field) => field.type !== 'enum' || (field.options?.length ?? 0) > 0, {
    message: 'An enum field needs its allowed values in options.',
    path: ['options'],
  })

/** A custom object type and its attributes. */
export const catalogObjectTypeSchema = z.object({
  key: z.string().trim().min(1, { message: 'A custom object type needs a key.' }),
  label: z.string(),
  attributes: z.array(catalogFieldSchema),
})

/** What the host can write: its custom fields, custom object types, and the resolvers it supports. */
export const catalogSchema = z.object({
  customFields: z.array(catalogFieldSchema),
  objectTypes: z.array(catalogObjectTypeSchema),
  resolvers: z.array(accountResolverSchema),
})

export type CatalogField = z.infer<typeof catalogFieldSchema>
export type CatalogObjectType = z.infer<typeof catalogObjectTypeSchema>
export type Catalog = z.infer<typeof catalogSchema>

/** Parses the host's catalog, throwing a `ConfigError` with field paths on bad input. */
export function parseCatalog(input: unknown): Catalog {
  return parseWith(catalogSchema, 'catalog', input)
}
