import * as z from 'zod'

/** A `DatabaseSchemaField`. `fields`/`table`/`chain` describe joins and traversers (e.g. `events.person`). */
export const databaseFieldSchema = z.looseObject({
  name: z.string(),
  hogql_value: z.string().nullish(),
  type: z.string(),
  schema_valid: z.boolean().nullish(),
  table: z.string().nullish(),
  fields: z.array(z.string()).nullish(),
  chain: z.array(z.union([z.string(), z.number()])).nullish(),
})

/** A table of `DatabaseSchemaQueryResponse.tables`. */
export const databaseTableSchema = z.looseObject({
  type: z.string().nullish(),
  id: z.string().nullish(),
  name: z.string(),
  fields: z.record(z.string(), databaseFieldSchema),
  row_count: z.number().nullish(),
})

/** `DatabaseSchemaQueryResponse`, lenient. */
export const databaseSchemaResponseSchema = z.looseObject({
  tables: z.record(z.string(), databaseTableSchema),
  joins: z.array(z.unknown()).nullish(),
})

/** A parsed `DatabaseSchemaQueryResponse`. */
export type DatabaseSchemaResponseBody = z.infer<typeof databaseSchemaResponseSchema>
