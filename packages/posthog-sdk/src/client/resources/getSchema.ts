import type { PostHogClientError } from '../errors/PostHogClientError'
import { databaseSchemaResponseSchema } from '../schemas/databaseSchemaResponseSchema'
import { schemaError } from '../schemas/schemaError'
import { isFailure } from '../transport/Transport'
import type { ResourceContext } from './ResourceContext'

/** A field of a HogQL table. */
export interface DatabaseField {
  name: string
  /** PostHog's field type: `string`, `integer`, `float`, `datetime`, `json`, `lazy_table`, `field_traverser`, … */
  type: string
  /** The expression to write in HogQL (usually the name). */
  hogqlValue: string
  /** For joins and lazy tables: the table the field leads to (e.g. `persons` for `events.person`). */
  table: string | null
  /** For joins: the sub-table's field names, when PostHog lists them. */
  fields: string[] | null
  /** For traversers: the path followed (e.g. `["pdi", "person"]`). */
  chain: Array<string | number> | null
}

/** A table HogQL can query. */
export interface DatabaseTable {
  name: string
  /** `posthog`, `data_warehouse`, `view`, … */
  kind: string
  fields: DatabaseField[]
}

/** The result of {@link PostHogClient.schema}. */
export interface DatabaseSchema {
  tables: DatabaseTable[]
}

/** Reads the tables and fields HogQL offers in this project (`DatabaseSchemaQuery`). */
export async function getSchema(
  context: ResourceContext,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<{ data: DatabaseSchema } | { error: PostHogClientError }> {
  const answer = await context.transport({
    method: 'POST',
    path: `${context.projectPath}/query/`,
    body: { query: { kind: 'DatabaseSchemaQuery' } },
    purpose: 'query',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  })
  if (isFailure(answer)) return answer
  const parsed = databaseSchemaResponseSchema.safeParse(answer.data)
  if (!parsed.success) return { error: schemaError('database schema', parsed.error) }
  const tables = Object.entries(parsed.data.tables).map(([key, table]) => ({
    name: table.name || key,
    kind: table.type ?? 'posthog',
    fields: Object.entries(table.fields).map(([fieldKey, field]) => ({
      name: field.name || fieldKey,
      type: field.type,
      hogqlValue: field.hogql_value ?? field.name,
      table: field.table ?? null,
      fields: field.fields ?? null,
      chain: field.chain ?? null,
    })),
  }))
  return { data: { tables } }
}
