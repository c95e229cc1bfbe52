import * as z from 'zod'
import { accountResolverSchema } from './accountResolver'

const columnSchema = (role: string) =>
  z
    .string({ error: `Choose the result column that holds the ${role}.` })
    .trim()
    .min(1, { message: `Choose the result column that holds the ${role}.` })

const keySchema = (what: string) =>
  z
    .string({ error: `Choose the ${what}.` })
    .trim()
    .min(1, { message: `Choose the ${what}.` })

/** Which result column identifies the account, and how it is matched. */
export const accountMappingSchema = z.object({
  resolver: accountResolverSchema,
  column: columnSchema('account reference'),
})

/** product_usage: one time-series point per row (account, metric, timestamp, value). */
export const productUsageMappingSchema = z.object({
  account: accountMappingSchema,
  valueColumn: columnSchema('metric value (a number)'),
  timestampColumn: columnSchema('timestamp'),
  /** The metric's name: from a label column, or one fixed name for every row. */
  metric: z.union([z.object({ column: columnSchema('metric label') }), z.object({ name: keySchema('metric name') })], {
    error: 'Give the metric either a label column ({ column }) or a fixed name ({ name }).',
  }),
})

/** custom_field, long form: one row per (account, field, value). */
export const longCustomFieldMappingSchema = z.object({
  account: accountMappingSchema,
  form: z.literal('long'),
  fieldColumn: columnSchema('custom field name'),
  valueColumn: columnSchema('custom field value'),
})

/** custom_field, wide form: one row per account, one column per custom field. */
export const wideCustomFieldMappingSchema = z.object({
  account: accountMappingSchema,
  form: z.literal('wide'),
  fields: z
    .array(z.object({ column: columnSchema('custom field value'), field: keySchema('custom field') }))
    .min(1, { message: 'Map at least one column to a custom field.' }),
})

/** custom_field in either form. */
export const customFieldMappingSchema = z.discriminatedUnion(
  'form',
  [longCustomFieldMappingSchema, wideCustomFieldMappingSchema],
  {
    error: 'Choose the custom field form: long (field and value columns) or wide (one column per field).',
  },
)

/** custom_object: one record per row, keyed by `keyColumn`, with attributes from columns. */
export const customObjectMappingSchema = z.object({
  account: accountMappingSchema,
  objectType: keySchema('custom object type'),
  keyColumn: columnSchema('record key'),
  attributes: z
    .array(z.object({ column: columnSchema('attribute value'), attribute: keySchema('attribute') }))
    .min(1, { message: 'Map at least one column to an attribute of the custom object.' }),
})

export type AccountMapping = z.infer<typeof accountMappingSchema>
export type ProductUsageMapping = z.infer<typeof productUsageMappingSchema>
export type LongCustomFieldMapping = z.infer<typeof longCustomFieldMappingSchema>
export type WideCustomFieldMapping = z.infer<typeof wideCustomFieldMappingSchema>
export type CustomFieldMapping = z.infer<typeof customFieldMappingSchema>
export type CustomObjectMapping = z.infer<typeof customObjectMappingSchema>
