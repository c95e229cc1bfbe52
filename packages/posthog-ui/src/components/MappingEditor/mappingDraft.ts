import {
  type AccountResolver,
  type Catalog,
  type QueryDefinition,
  type QueryType,
  queryDefinitionSchema,
} from '@statisfy/posthog-sdk'
import type { PreviewColumn } from '../PreviewTable/PreviewTable'
import { suggestAccount, suggestColumns, suggestTarget } from './suggestions'

/**
 * What the mapping editor edits: every setting of every query type, so switching the type keeps what was chosen.
 * Empty strings mean "not chosen yet"; {@link buildDefinition} turns a draft into a checked definition.
 */
export type MappingDraft = {
  type: QueryType
  resolver: AccountResolver
  accountColumn: string
  metricSource: 'column' | 'name'
  metricColumn: string
  metricName: string
  valueColumn: string
  timestampColumn: string
  form: 'long' | 'wide'
  fieldColumn: string
  fieldValueColumn: string
  /** Wide form: result column → custom field key ('' = not imported). */
  fields: Record<string, string>
  objectType: string
  keyColumn: string
  /** Result column → attribute key ('' = not imported). */
  attributes: Record<string, string>
}

/** The parts of a saved query the mapping editor does not edit. */
export type DefinitionBase = Omit<QueryDefinition, 'type' | 'mapping'>

/** A draft pre-filled from the result's column names (best suggestion per role; nothing mapped twice). */
export function suggestDraft(
  type: QueryType,
  columns: readonly PreviewColumn[],
  catalog: Catalog | undefined,
): MappingDraft {
  // The resolver a column's name points to (org_id → Organisation ID); without one, the email domain if offered.
  const account = suggestAccount(columns, catalog?.resolvers ?? [])
  const resolver: AccountResolver =
    account?.resolver ??
    (catalog?.resolvers.includes('email_domain') ? 'email_domain' : (catalog?.resolvers[0] ?? 'account_name'))
  const used = new Set<string>()
  const pick = (role: Parameters<typeof suggestColumns>[0], extra?: AccountResolver) => {
    const column = suggestColumns(role, columns, extra).find((c) => !used.has(c)) ?? ''
    if (column) used.add(column)
    return column
  }
  const accountColumn = pick('account', resolver)
  const timestampColumn = pick('timestamp')
  const valueColumn = pick('value')
  const metricColumn = pick('metric')
  const objectType = catalog?.objectTypes[0]?.key ?? ''
  const keyColumn = type === 'custom_object' ? pick('key') : ''
  const rest = columns.map((c) => c.name).filter((name) => name !== accountColumn && name !== keyColumn)
  const attributes = catalog?.objectTypes.find((o) => o.key === objectType)?.attributes ?? []
  return {
    type,
    resolver,
    accountColumn,
    metricSource: metricColumn ? 'column' : 'name',
    metricColumn,
    metricName: '',
    valueColumn,
    timestampColumn,
    form: 'wide',
    fieldColumn: pick('field'),
    fieldValueColumn: valueColumn,
    fields: Object.fromEntries(rest.map((name) => [name, suggestTarget(name, catalog?.customFields ?? [])])),
    objectType,
    keyColumn,
    attributes: Object.fromEntries(rest.map((name) => [name, suggestTarget(name, attributes)])),
  }
}

/** The draft of a saved definition (to edit it). */
export function draftFromDefinition(definition: QueryDefinition, columns: readonly PreviewColumn[]): MappingDraft {
  const blank = suggestDraft(definition.type, columns, undefined)
  const base = {
    ...blank,
    resolver: definition.mapping.account.resolver,
    accountColumn: definition.mapping.account.column,
  }
  switch (definition.type) {
    case 'product_usage': {
      const { mapping } = definition
      return {
        ...base,
        type: definition.type,
        metricSource: 'column' in mapping.metric ? 'column' : 'name',
        metricColumn: 'column' in mapping.metric ? mapping.metric.column : '',
        metricName: 'name' in mapping.metric ? mapping.metric.name : '',
        valueColumn: mapping.valueColumn,
        timestampColumn: mapping.timestampColumn,
      }
    }
    case 'custom_field': {
      const { mapping } = definition
      return mapping.form === 'long'
        ? {
            ...base,
            type: definition.type,
            form: 'long',
            fieldColumn: mapping.fieldColumn,
            fieldValueColumn: mapping.valueColumn,
          }
        : {
            ...base,
            type: definition.type,
            form: 'wide',
            fields: Object.fromEntries(mapping.fields.map((f) => [f.column, f.field])),
          }
    }
    case 'custom_object': {
      const { mapping } = definition
      return {
        ...base,
        type: definition.type,
        objectType: mapping.objectType,
        keyColumn: mapping.keyColumn,
        attributes: Object.fromEntries(mapping.attributes.map((a) => [a.column, a.attribute])),
      }
    }
    default:
      return definition satisfies never
  }
}

/** The mapping object of a draft for its type (possibly incomplete: the schema says what is missing). */
export function mappingOf(draft: MappingDraft): unknown {
  const account = { resolver: draft.resolver, column: draft.accountColumn }
  const pairs = (record: Record<string, string>, target: 'field' | 'attribute') =>
    Object.entries(record)
      .filter(([, key]) => key !== '')
      .map(([column, key]) => ({ column, [target]: key }))
  switch (draft.type) {
    case 'product_usage':
      return {
        account,
        valueColumn: draft.valueColumn,
        timestampColumn: draft.timestampColumn,
        metric: draft.metricSource === 'column' ? { column: draft.metricColumn } : { name: draft.metricName },
      }
    case 'custom_field':
      return draft.form === 'long'
        ? { account, form: 'long', fieldColumn: draft.fieldColumn, valueColumn: draft.fieldValueColumn }
        : { account, form: 'wide', fields: pairs(draft.fields, 'field') }
    case 'custom_object':
      return {
        account,
        objectType: draft.objectType,
        keyColumn: draft.keyColumn,
        attributes: pairs(draft.attributes, 'attribute'),
      }
    default:
      return draft.type satisfies never
  }
}

/** A problem that blocks saving, with the setting it concerns (dotted path) and the SDK's message. */
export type DraftIssue = { path: string; message: string }

/**
 * Checks a draft with the SDK's own schema (the server checks the same on save), returning the definition or the
 * reasons it cannot be saved.
 */
export function buildDefinition(
  base: DefinitionBase,
  draft: MappingDraft,
): { ok: true; definition: QueryDefinition } | { ok: false; issues: DraftIssue[] } {
  const parsed = queryDefinitionSchema.safeParse({ ...base, type: draft.type, mapping: mappingOf(draft) })
  if (parsed.success) return { ok: true, definition: parsed.data }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  }
}
