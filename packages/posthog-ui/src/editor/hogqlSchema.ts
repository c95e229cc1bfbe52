/**
 * One field of a table in PostHog's `DatabaseSchemaQuery` response (`DatabaseSchemaField` in PostHog's
 * `frontend/src/queries/schema/schema-general.ts`). Only what completion uses is required.
 */
export interface HogQLSchemaField {
  readonly name: string
  /** How HogQL spells the field, quoted when needed (e.g. `` `$session_id` ``); inserted on completion when given. */
  readonly hogql_value?: string | null
  /** `integer`, `string`, `datetime`, `json`, `lazy_table`, `virtual_table`, `field_traverser`, `expression`, … */
  readonly type: string
  /** For joins (`lazy_table`, `virtual_table`): the name of the table reached, e.g. `persons` for `events.person`. */
  readonly table?: string | null
  /** For joins: the names of the fields reachable through this one. */
  readonly fields?: readonly string[] | null
  /** For `field_traverser`: the path this field stands for, e.g. `['person', 'properties']`. */
  readonly chain?: readonly (string | number)[] | null
}

/** One table of PostHog's `DatabaseSchemaQuery` response. */
export interface HogQLSchemaTable {
  readonly name?: string | null
  /** `posthog`, `data_warehouse`, `view`, … */
  readonly type?: string | null
  readonly fields: Readonly<Record<string, HogQLSchemaField>>
}

/**
 * PostHog's `DatabaseSchemaQuery` response, taken structurally: pass the response as it comes (extra keys such as
 * `joins`, `id` or `row_count` are ignored).
 */
export interface HogQLSchema {
  readonly tables: Readonly<Record<string, HogQLSchemaTable>>
}

/**
 * The same schema as lists, as the kit's host API returns it (`GetSchemaResponse` of `@statisfy/posthog-sdk`:
 * `{ tables: [{ name, kind, fields: [{ name, type, table, fields }] }] }`).
 */
export interface HogQLSchemaList {
  readonly tables: readonly {
    readonly name: string
    /** `posthog`, `data_warehouse`, `view`, … */
    readonly kind?: string | null
    readonly fields: readonly HogQLSchemaField[]
  }[]
}

/** Either form of the project's schema: PostHog's `DatabaseSchemaQuery` response, or the kit's API list form. */
export type HogQLSchemaInput = HogQLSchema | HogQLSchemaList

const isSchemaList = (input: HogQLSchemaInput): input is HogQLSchemaList => Array.isArray(input.tables)

/** Brings either schema form to PostHog's (tables and fields keyed by name). */
export function normalizeSchema(input: HogQLSchemaInput): HogQLSchema {
  if (!isSchemaList(input)) return input
  return {
    tables: Object.fromEntries(
      input.tables.map((table) => [
        table.name,
        {
          name: table.name,
          type: table.kind ?? null,
          fields: Object.fromEntries(table.fields.map((field) => [field.name, field])),
        },
      ]),
    ),
  }
}

/**
 * Property names offered after `properties.` per table, e.g. `{ events: ['plan', '$browser'], persons: ['email'] }`.
 * PostHog's schema does not list property names (they live in its property definitions), so hosts that know them pass
 * them here; tables left out get PostHog's built-in names.
 */
export type HogQLPropertyNames = Readonly<Record<string, readonly string[]>>

/**
 * PostHog's own properties, offered when the host gives none. `$`-names are set by PostHog's SDKs and ingestion
 * (`posthog-js` autocapture, GeoIP enrichment); person properties are copied from `$set`.
 */
export const DEFAULT_PROPERTY_NAMES: HogQLPropertyNames = {
  events: [
    '$browser',
    '$browser_version',
    '$os',
    '$device_type',
    '$current_url',
    '$pathname',
    '$host',
    '$referrer',
    '$referring_domain',
    '$lib',
    '$lib_version',
    '$screen_width',
    '$screen_height',
    '$geoip_country_code',
    '$geoip_city_name',
    '$session_id',
    '$window_id',
    '$groups',
    '$set',
    '$set_once',
    '$feature_flag',
    '$feature_flag_response',
    'utm_source',
    'utm_medium',
    'utm_campaign',
  ],
  persons: [
    'email',
    'name',
    '$initial_browser',
    '$initial_os',
    '$initial_referring_domain',
    '$initial_utm_source',
    '$geoip_country_code',
  ],
  groups: ['name'],
}
