import type { HogQLSchema, HogQLSchemaField } from './hogqlSchema'

const field = (name: string, type: string, table?: string): HogQLSchemaField =>
  table ? { name, type, table } : { name, type }
const fieldMap = (...fields: HogQLSchemaField[]): Record<string, HogQLSchemaField> =>
  Object.fromEntries(fields.map((f) => [f.name, f]))
const groupFields = [0, 1, 2, 3, 4].flatMap((i) => [
  field(`$group_${i}`, 'string'),
  field(`group_${i}`, 'lazy_table', 'groups'),
])

/**
 * The PostHog tables every project has, used for completion until the host passes the project's real schema
 * (PostHog's `posthog/hogql/database/schema/{events,persons,groups,sessions_v2}.py`).
 */
export const DEFAULT_SCHEMA: HogQLSchema = {
  tables: {
    events: {
      name: 'events',
      type: 'posthog',
      fields: fieldMap(
        field('uuid', 'string'),
        field('event', 'string'),
        field('properties', 'json'),
        field('timestamp', 'datetime'),
        field('distinct_id', 'string'),
        field('elements_chain', 'string'),
        field('created_at', 'datetime'),
        field('$session_id', 'string'),
        field('$window_id', 'string'),
        field('person_id', 'string'),
        field('person', 'lazy_table', 'persons'),
        field('session', 'lazy_table', 'sessions'),
        ...groupFields,
      ),
    },
    persons: {
      name: 'persons',
      type: 'posthog',
      fields: fieldMap(
        field('id', 'string'),
        field('created_at', 'datetime'),
        field('properties', 'json'),
        field('is_identified', 'boolean'),
      ),
    },
    groups: {
      name: 'groups',
      type: 'posthog',
      fields: fieldMap(
        field('index', 'integer'),
        field('key', 'string'),
        field('created_at', 'datetime'),
        field('updated_at', 'datetime'),
        field('properties', 'json'),
      ),
    },
    sessions: {
      name: 'sessions',
      type: 'posthog',
      fields: fieldMap(
        field('session_id', 'string'),
        field('distinct_id', 'string'),
        field('$start_timestamp', 'datetime'),
        field('$end_timestamp', 'datetime'),
        field('$session_duration', 'integer'),
        field('$pageview_count', 'integer'),
        field('$entry_current_url', 'string'),
        field('$entry_pathname', 'string'),
        field('$is_bounce', 'boolean'),
        field('$channel_type', 'string'),
      ),
    },
  },
}
