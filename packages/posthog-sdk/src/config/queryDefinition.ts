import * as z from 'zod'
import { analyzeHogQL } from '../client/paging/analyzeHogQL'
import { aggregationGrainSchema } from './aggregationGrain'
import { parseWith } from './ConfigError'
import { cadenceSchema } from './cadence'
import { hogqlValuesSchema } from './hogqlValue'
import { mappedColumns } from './mappedColumns'
import { customFieldMappingSchema, customObjectMappingSchema, productUsageMappingSchema } from './mapping'

/** The version of the saved query format this SDK reads and writes. */
export const QUERY_DEFINITION_VERSION = 1

/** The kinds of data a saved query imports. */
export const QUERY_TYPES = ['product_usage', 'custom_field', 'custom_object'] as const
export type QueryType = (typeof QUERY_TYPES)[number]

/** Longest HogQL accepted in a saved query; PostHog itself caps the request body at 20 MB. */
export const MAX_HOGQL_LENGTH = 100_000

const common = {
  version: z.literal(QUERY_DEFINITION_VERSION, {
    error: (issue) =>
      issue.input === undefined
        ? `Add "version": ${QUERY_DEFINITION_VERSION} to the saved query.`
        : `Unsupported saved query version ${JSON.stringify(issue.input)}; this SDK reads version ${QUERY_DEFINITION_VERSION}.`,
  }),
  id: z
    .string({ error: 'Give the query an id.' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'A query id is 1 to 64 letters, digits, "_" or "-".' }),
  name: z
    .string({ error: 'Give the query a name.' })
    .trim()
    .min(1, { message: 'Give the query a name.' })
    .max(120, { message: 'Keep the query name to 120 characters.' }),
  hogql: z
    .string({ error: 'Write the HogQL query.' })
    .refine((text) => text.trim().length > 0, { message: 'Write the HogQL query.' })
    .refine((text) => text.length <= MAX_HOGQL_LENGTH, {
      message: `The query is longer than ${MAX_HOGQL_LENGTH} characters; move constants into values or simplify it.`,
    }),
  values: hogqlValuesSchema.optional(),
  cadence: cadenceSchema,
  /** The time buckets the query groups rows into; absent when its rows are not bucketed by time. */
  grain: aggregationGrainSchema.optional(),
  enabled: z.boolean({ error: 'Say whether the query is enabled (true or false).' }),
}

const productUsageQuerySchema = z.object({
  ...common,
  type: z.literal('product_usage'),
  mapping: productUsageMappingSchema,
})
const customFieldQuerySchema = z.object({
  ...common,
  type: z.literal('custom_field'),
  mapping: customFieldMappingSchema,
})
const customObjectQuerySchema = z.object({
  ...common,
  type: z.literal('custom_object'),
  mapping: customObjectMappingSchema,
})

/** A saved PostHog query: what to run, how to map its rows, and when. */
export const queryDefinitionSchema = z
  .discriminatedUnion('type', [productUsageQuerySchema, customFieldQuerySchema, customObjectQuerySchema], {
    error: `Choose the query type: ${QUERY_TYPES.join(', ')}.`,
  })
  .superRefine((definition, ctx) => {
    if (definition.grain) {
      // Sync aligns the {period_start}..{period_end} window to the grain; without the window there is nothing to align.
      const placeholders = analyzeHogQL(definition.hogql).placeholders
      if (!placeholders.has('period_start') || !placeholders.has('period_end')) {
        ctx.addIssue({
          code: 'custom',
          path: ['grain'],
          message: `A grain aligns each run's time window to "${definition.grain}" buckets, but the query reads no window. Add WHERE timestamp >= {period_start} AND timestamp < {period_end}, or remove the grain.`,
        })
      }
    }
    // One column feeding two roles is almost always a mis-click; alias it twice in HogQL if it is meant.
    const seen = new Map<string, string>()
    for (const { column, role, path } of mappedColumns(definition)) {
      const first = seen.get(column)
      if (first) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `Column "${column}" is already mapped as the ${first}; map it once, or select it twice under different aliases.`,
        })
      } else seen.set(column, role)
    }
    const targets =
      definition.type === 'custom_field' && definition.mapping.form === 'wide'
        ? definition.mapping.fields.map((pair, i) => ({ key: pair.field, path: ['mapping', 'fields', i, 'field'] }))
        : definition.type === 'custom_object'
          ? definition.mapping.attributes.map((pair, i) => ({
              key: pair.attribute,
              path: ['mapping', 'attributes', i, 'attribute'],
            }))
          : []
    const keys = new Set<string>()
    for (const { key, path } of targets) {
      if (keys.has(key))
        ctx.addIssue({ code: 'custom', path, message: `"${key}" is mapped from two columns; keep one.` })
      keys.add(key)
    }
  })

export type QueryDefinition = z.infer<typeof queryDefinitionSchema>
export type ProductUsageQuery = Extract<QueryDefinition, { type: 'product_usage' }>
export type CustomFieldQuery = Extract<QueryDefinition, { type: 'custom_field' }>
export type CustomObjectQuery = Extract<QueryDefinition, { type: 'custom_object' }>

/** Parses a saved query, throwing a `ConfigError` with field paths on bad input. */
export function parseQueryDefinition(input: unknown): QueryDefinition {
  return parseWith(queryDefinitionSchema, 'saved PostHog query', input)
}
