/**
 * The HogQL database model the emulator exposes: PostHog's `events`, `persons`, `person_distinct_ids`, `groups`
 * and `sessions` tables with the fields product-usage queries use, and the lazy joins that make
 * `person.properties.email`, `group_0.properties.name` and `session.$session_duration` work.
 * SRC: PostHog/posthog `posthog/hogql/database/schema/{events,persons,groups,sessions_v1}.py`.
 */

/** The value kinds DatabaseSchemaQuery reports (`DatabaseSchemaField.type`). */
export type FieldType = 'string' | 'integer' | 'float' | 'boolean' | 'datetime' | 'date' | 'json' | 'array'

/** A field of a HogQL table. */
export type FieldDef =
  | { kind: 'column'; column: string; type: FieldType }
  | { kind: 'lazy'; table: TableName; join: LazyJoin }

/** How a lazy field joins its table, e.g. `events.person` on `events.person_id = persons.id`. */
export interface LazyJoin {
  /** Column of the source table. */
  from: string
  /** Column of the joined table. */
  to: string
  /** `groups.index` the join is restricted to (group_0..4). */
  groupIndex?: number
}

/** HogQL tables backed by the dataset's ClickHouse tables of the same name. */
export type TableName = 'events' | 'persons' | 'person_distinct_ids' | 'groups' | 'sessions'

export interface TableDef {
  name: TableName
  fields: Record<string, FieldDef>
  /** What `SELECT *` expands to, in order. */
  asterisk: string[]
}

const col = (column: string, type: FieldType): FieldDef => ({ kind: 'column', column, type })

const GROUP_FIELDS: Record<string, FieldDef> = {}
for (let i = 0; i < 5; i++) {
  GROUP_FIELDS[`$group_${i}`] = col(`$group_${i}`, 'string')
  GROUP_FIELDS[`group_${i}`] = {
    kind: 'lazy',
    table: 'groups',
    join: { from: `$group_${i}`, to: 'key', groupIndex: i },
  }
}

const EVENTS: TableDef = {
  name: 'events',
  fields: {
    uuid: col('uuid', 'string'),
    event: col('event', 'string'),
    properties: col('properties', 'json'),
    timestamp: col('timestamp', 'datetime'),
    team_id: col('team_id', 'integer'),
    distinct_id: col('distinct_id', 'string'),
    elements_chain: col('elements_chain', 'string'),
    created_at: col('created_at', 'datetime'),
    $session_id: col('$session_id', 'string'),
    $window_id: col('$window_id', 'string'),
    person_id: col('person_id', 'string'),
    person: { kind: 'lazy', table: 'persons', join: { from: 'person_id', to: 'id' } },
    session: { kind: 'lazy', table: 'sessions', join: { from: '$session_id', to: 'session_id' } },
    ...GROUP_FIELDS,
  },
  asterisk: [
    'uuid',
    'event',
    'properties',
    'timestamp',
    'distinct_id',
    'elements_chain',
    'created_at',
    '$session_id',
    '$window_id',
    '$group_0',
    '$group_1',
    '$group_2',
    '$group_3',
    '$group_4',
  ],
}

const PERSONS: TableDef = {
  name: 'persons',
  fields: {
    id: col('id', 'string'),
    created_at: col('created_at', 'datetime'),
    team_id: col('team_id', 'integer'),
    properties: col('properties', 'json'),
    is_identified: col('is_identified', 'boolean'),
  },
  asterisk: ['id', 'created_at', 'properties', 'is_identified'],
}

const PERSON_DISTINCT_IDS: TableDef = {
  name: 'person_distinct_ids',
  fields: {
    distinct_id: col('distinct_id', 'string'),
    person_id: col('person_id', 'string'),
    team_id: col('team_id', 'integer'),
    person: { kind: 'lazy', table: 'persons', join: { from: 'person_id', to: 'id' } },
  },
  asterisk: ['distinct_id', 'person_id'],
}

const GROUPS: TableDef = {
  name: 'groups',
  fields: {
    index: col('index', 'integer'),
    team_id: col('team_id', 'integer'),
    key: col('key', 'string'),
    created_at: col('created_at', 'datetime'),
    updated_at: col('updated_at', 'datetime'),
    properties: col('properties', 'json'),
  },
  asterisk: ['index', 'key', 'created_at', 'updated_at', 'properties'],
}

const SESSIONS: TableDef = {
  name: 'sessions',
  fields: {
    id: col('session_id', 'string'),
    session_id: col('session_id', 'string'),
    team_id: col('team_id', 'integer'),
    distinct_id: col('distinct_id', 'string'),
    $start_timestamp: col('$start_timestamp', 'datetime'),
    $end_timestamp: col('$end_timestamp', 'datetime'),
    $session_duration: col('$session_duration', 'integer'),
    $pageview_count: col('$pageview_count', 'integer'),
    $autocapture_count: col('$autocapture_count', 'integer'),
    $entry_current_url: col('$entry_current_url', 'string'),
    $entry_pathname: col('$entry_pathname', 'string'),
    $end_current_url: col('$end_current_url', 'string'),
    $is_bounce: col('$is_bounce', 'boolean'),
    $urls: col('$urls', 'array'),
  },
  asterisk: [
    'session_id',
    'distinct_id',
    '$start_timestamp',
    '$end_timestamp',
    '$session_duration',
    '$pageview_count',
    '$autocapture_count',
    '$entry_current_url',
    '$entry_pathname',
    '$end_current_url',
    '$is_bounce',
    '$urls',
  ],
}

/** Every table a HogQL query can name. */
export const TABLES: Readonly<Record<TableName, TableDef>> = {
  events: EVENTS,
  persons: PERSONS,
  person_distinct_ids: PERSON_DISTINCT_IDS,
  groups: GROUPS,
  sessions: SESSIONS,
}

/** Looks a table up by its HogQL name. */
export function findTable(name: string): TableDef | undefined {
  return Object.hasOwn(TABLES, name) ? TABLES[name as TableName] : undefined
}
