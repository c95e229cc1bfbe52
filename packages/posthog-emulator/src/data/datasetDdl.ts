/**
 * ClickHouse tables of one dataset, shaped like PostHog's (`events`, `persons`, `person_distinct_ids`, `groups`,
 * `sessions`), with `team_id` on every row so two projects share them and queries must filter by team.
 */
export function datasetDdl(database: string): string[] {
  const db = `\`${database}\``
  const dt = "DateTime64(6, 'UTC')"
  return [
    `CREATE DATABASE IF NOT EXISTS ${db}`,
    `CREATE TABLE ${db}.events (team_id Int64, uuid UUID, event String, properties String, timestamp ${dt},
      distinct_id String, elements_chain String, created_at ${dt}, \`$session_id\` String, \`$window_id\` String,
      person_id UUID, \`$group_0\` String, \`$group_1\` String, \`$group_2\` String, \`$group_3\` String, \`$group_4\` String)
      ENGINE = MergeTree ORDER BY (team_id, toDate(timestamp), event, uuid)`,
    `CREATE TABLE ${db}.persons (team_id Int64, id UUID, created_at ${dt}, properties String, is_identified Bool)
      ENGINE = MergeTree ORDER BY (team_id, id)`,
    `CREATE TABLE ${db}.person_distinct_ids (team_id Int64, distinct_id String, person_id UUID)
      ENGINE = MergeTree ORDER BY (team_id, distinct_id)`,
    `CREATE TABLE ${db}.groups (team_id Int64, \`index\` UInt8, \`key\` String, created_at ${dt}, updated_at ${dt}, properties String)
      ENGINE = MergeTree ORDER BY (team_id, \`index\`, \`key\`)`,
    `CREATE TABLE ${db}.sessions (team_id Int64, session_id String, distinct_id String, \`$start_timestamp\` ${dt},
      \`$end_timestamp\` ${dt}, \`$session_duration\` Int64, \`$pageview_count\` UInt64, \`$autocapture_count\` UInt64,
      \`$entry_current_url\` String, \`$entry_pathname\` String, \`$end_current_url\` String, \`$is_bounce\` Bool,
      \`$urls\` Array(String)) ENGINE = MergeTree ORDER BY (team_id, session_id)`,
  ]
}

/** Tables of a dataset, in load order. */
export const DATASET_TABLES = ['events', 'persons', 'person_distinct_ids', 'groups', 'sessions'] as const
