import type { FieldDef, TableDef } from '../hogql/schema'
import { TABLES } from '../hogql/schema'

/** A field as DatabaseSchemaQuery reports it. SRC: `frontend/src/queries/schema/schema-general.ts` (DatabaseSchemaField). */
export interface SchemaField {
  name: string
  hogql_value: string
  type: string
  schema_valid: boolean
  table?: string
  fields?: string[]
  chain?: string[]
}

function field(name: string, def: FieldDef, propertyNames: readonly string[] | undefined): SchemaField {
  if (def.kind === 'lazy') {
    // PostHog exposes `events.person` as a traverser through `pdi` (TV18); the other lazy joins as lazy tables.
    if (name === 'person')
      return { name, hogql_value: name, type: 'field_traverser', schema_valid: true, chain: ['pdi', 'person'] }
    return {
      name,
      hogql_value: name,
      type: 'lazy_table',
      schema_valid: true,
      table: def.table,
      fields: Object.keys(TABLES[def.table].fields),
    }
  }
  const base: SchemaField = {
    name,
    hogql_value: name.startsWith('$') ? `\`${name}\`` : name,
    type: def.type,
    schema_valid: true,
  }
  // Emulator extension: the property names present in the data, so editors can offer `properties.<name>`.
  if (def.type === 'json' && propertyNames !== undefined) base.fields = [...propertyNames]
  return base
}

/**
 * DatabaseSchemaQuery: every table with its fields; `properties` fields also list the property names found in the
 * project's data (`fields`), which PostHog itself serves from property definitions.
 */
export function databaseSchema(propertyNames: Readonly<Record<string, readonly string[]>>): {
  tables: Record<string, { type: 'posthog'; id: string; name: string; fields: Record<string, SchemaField> }>
  joins: never[]
} {
  const tables: Record<string, { type: 'posthog'; id: string; name: string; fields: Record<string, SchemaField> }> = {}
  for (const table of Object.values(TABLES) as TableDef[]) {
    const fields: Record<string, SchemaField> = {}
    for (const [name, def] of Object.entries(table.fields)) {
      if (name === 'team_id') continue
      fields[name] = field(name, def, propertyNames[table.name])
    }
    tables[table.name] = { type: 'posthog', id: table.name, name: table.name, fields }
  }
  return { tables, joins: [] }
}
