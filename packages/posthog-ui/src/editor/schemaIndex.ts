import { DEFAULT_PROPERTY_NAMES, type HogQLPropertyNames, type HogQLSchema, type HogQLSchemaField } from './hogqlSchema'
import type { TableReferences } from './tableReferences'

/** What can follow a dotted path: a table's fields, a fixed list of names, or a table's JSON property names. */
export type CompletionLevel =
  | { readonly kind: 'table'; readonly table: string }
  | { readonly kind: 'names'; readonly names: readonly string[] }
  | { readonly kind: 'properties'; readonly names: readonly string[] }

// PostHog's tables spell field names exactly; `tables` and `fields` may be missing on odd schema entries (warehouse
// tables with failed syncs), so every access below tolerates absence instead of throwing mid-keystroke.
const fieldOf = (schema: HogQLSchema, table: string, name: string): HogQLSchemaField | undefined =>
  schema.tables[table]?.fields?.[name]

function propertiesOf(
  schema: HogQLSchema,
  table: string,
  field: HogQLSchemaField,
  propertyNames: HogQLPropertyNames,
): CompletionLevel {
  const reached = schema.tables[table]?.name ?? table
  // A schema may list the properties seen in the data on the JSON field itself (the kit's emulator does); PostHog's
  // does not, so the host's names or PostHog's built-in ones fill in.
  const listed = field.fields && field.fields.length > 0 ? field.fields : undefined
  const names = listed ?? propertyNames[reached] ?? DEFAULT_PROPERTY_NAMES[reached] ?? []
  return { kind: 'properties', names }
}

/** What a field of `table` leads to when followed by a dot. */
function follow(
  schema: HogQLSchema,
  table: string,
  field: HogQLSchemaField,
  propertyNames: HogQLPropertyNames,
  depth = 0,
): CompletionLevel | null {
  // A traverser stands for a path from the same table (e.g. `pdi.person` on events); follow it, but not in circles.
  if (field.chain && field.chain.length > 0 && depth < 8) {
    let level: CompletionLevel | null = { kind: 'table', table }
    for (const name of field.chain.slice(0, -1))
      level = level && step(schema, level, String(name), propertyNames, depth + 1)
    const last = field.chain[field.chain.length - 1]
    if (level?.kind !== 'table' || last === undefined) return null
    const target = fieldOf(schema, level.table, String(last))
    return target ? follow(schema, level.table, target, propertyNames, depth + 1) : null
  }
  if (field.type === 'json') return propertiesOf(schema, table, field, propertyNames)
  if (field.table && schema.tables[field.table]) return { kind: 'table', table: field.table }
  if (field.fields && field.fields.length > 0) return { kind: 'names', names: field.fields }
  return null
}

function step(
  schema: HogQLSchema,
  level: CompletionLevel,
  name: string,
  propertyNames: HogQLPropertyNames,
  depth = 0,
): CompletionLevel | null {
  if (level.kind !== 'table') return null // nested JSON keys are not known ahead of time
  const field = fieldOf(schema, level.table, name)
  return field ? follow(schema, level.table, field, propertyNames, depth) : null
}

/**
 * Resolves the dotted path before the cursor (`person.properties` → person properties; `e.` → fields of the table
 * aliased `e`; `events.person.` → fields of `persons`). The first name may be an alias, a table, or a field of a table
 * the query reads from.
 */
export function resolvePath(
  schema: HogQLSchema,
  refs: TableReferences,
  path: readonly string[],
  propertyNames: HogQLPropertyNames,
): CompletionLevel | null {
  const [first, ...rest] = path
  if (first === undefined) return null
  const aliased = refs.aliases.get(first.toLowerCase())
  let level: CompletionLevel | null = null
  if (aliased !== undefined && schema.tables[aliased]) level = { kind: 'table', table: aliased }
  else if (schema.tables[first]) level = { kind: 'table', table: first }
  else {
    // Before FROM is written, PostHog queries almost always read `events`: offer its fields.
    const tables = refs.tables.length > 0 ? refs.tables : ['events']
    for (const table of tables) {
      const field = fieldOf(schema, table, first)
      if (field) {
        level = follow(schema, table, field, propertyNames)
        break
      }
    }
  }
  for (const name of rest) level = level && step(schema, level, name, propertyNames)
  return level
}
