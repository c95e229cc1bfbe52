import type { Company } from './companies'
import type { Person } from './persons'

/** Inputs of one project's event generation. */
export interface EventsSqlInput {
  database: string
  teamId: number
  seed: number
  count: number
  /** First day of the window, `YYYY-MM-DD` (UTC). */
  startDate: string
  days: number
  companies: readonly Company[]
  persons: readonly Person[]
  /** Person UUIDs, same order as `persons`. */
  personIds: readonly string[]
}

/** Events and their weights (per mille). About twenty names, PostHog's `$` events first. */
const EVENTS: [string, number][] = [
  ['$pageview', 380],
  ['$autocapture', 220],
  ['feature_used', 150],
  ['$pageleave', 50],
  ['report_viewed', 40],
  ['report_exported', 20],
  ['dashboard_created', 15],
  ['invite_sent', 10],
  ['user_signed_up', 5],
  ['$identify', 10],
  ['search_performed', 30],
  ['comment_added', 20],
  ['file_uploaded', 15],
  ['integration_connected', 5],
  ['subscription_upgraded', 3],
  ['api_key_created', 4],
  ['settings_updated', 10],
  ['export_scheduled', 5],
  ['workspace_created', 3],
  ['$exception', 5],
]

/** Features with the fraction of the window after which they launch (adoption over time). */
const FEATURES: [string, number][] = [
  ['dashboards', 0],
  ['reports', 0],
  ['alerts', 0],
  ['workflows', 0.2],
  ['sso', 0.3],
  ['data_export', 0.4],
  ['ai_assistant', 0.55],
  ['api', 0.7],
]

const PATHS = [
  '/dashboard',
  '/reports',
  '/insights',
  '/alerts',
  '/workflows',
  '/settings',
  '/billing',
  '/team',
  '/search',
]

const str = (values: readonly string[]) =>
  `[${values.map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(',')}]`
const num = (values: readonly number[]) => `[${values.join(',')}]`

/** A UUID string built from two 64-bit hashes. */
function uuidText(a: string, b: string): string {
  const x = `leftPad(lower(hex(${a})), 16, '0')`
  const y = `leftPad(lower(hex(${b})), 16, '0')`
  return `concat(substring(${x}, 1, 8), '-', substring(${x}, 9, 4), '-', substring(${x}, 13, 4), '-', substring(${y}, 1, 4), '-', substring(${y}, 5, 12))`
}

/**
 * One `INSERT ... SELECT FROM numbers(count)` that generates a project's events inside ClickHouse: people weighted
 * by company and personal activity, activity growing over the window, quieter weekends, business hours, features
 * adopted after their launch, churned companies going silent, sessions of a few hours. Deterministic: every random
 * choice is a `cityHash64` of (seed, team, event number, purpose).
 */
export function eventsSql(input: EventsSqlInput): string {
  const { seed, teamId, companies, persons } = input
  const h = (purpose: number) => `cityHash64(${seed}, ${teamId}, number, ${purpose})`
  const slots: number[] = []
  for (const person of persons) {
    const company = companies[person.company]!
    const copies = Math.max(1, Math.round(person.weight * company.weight * 3))
    for (let i = 0; i < copies; i++) slots.push(person.index + 1)
  }
  let cumulative = 0
  const eventCases = EVENTS.map(([name, weight]) => {
    cumulative += weight
    return `u_event < ${cumulative}, '${name}'`
  })
  const extra = `multiIf(
      event = 'feature_used', concat(',"feature":"', feature, '","duration_ms":', toString(${h(20)} % 60000)),
      event = 'report_exported', concat(',"format":"', arrayElement(['csv','pdf','xlsx'], 1 + ${h(21)} % 3), '","row_count":', toString(${h(22)} % 5000)),
      event = 'invite_sent', concat(',"invitee_role":"', arrayElement(['member','admin'], 1 + ${h(23)} % 2), '"'),
      event = 'search_performed', concat(',"query_length":', toString(1 + ${h(24)} % 40)),
      event = 'subscription_upgraded', concat(',"to_plan":"', plan, '"'),
      event = '$identify', concat(',"$set":{"email":"', arrayElement(p_email, p), '","plan":"', plan, '"}'),
      event = '$exception', ',"$exception_type":"TypeError","$exception_message":"Cannot read properties of undefined"',
      event = '$autocapture', ',"$event_type":"click"',
      '')`
  return `INSERT INTO \`${input.database}\`.events
WITH
  ${num(slots)} AS slots,
  ${num(persons.map((p) => p.company + 1))} AS p_company,
  ${num(persons.map((p) => p.startDay))} AS p_start,
  ${str(persons.map((p) => p.distinctId))} AS p_distinct,
  ${str(input.personIds)} AS p_uuid,
  ${str(persons.map((p) => p.email))} AS p_email,
  ${str(persons.map((p) => p.browser))} AS p_browser,
  ${str(persons.map((p) => p.os))} AS p_os,
  ${str(persons.map((p) => p.country))} AS p_country,
  ${num(companies.map((c) => c.startDay))} AS c_start,
  ${num(companies.map((c) => c.endDay))} AS c_end,
  ${str(companies.map((c) => c.orgId))} AS c_org,
  ${str(companies.map((c) => c.plan))} AS c_plan,
  ${str(FEATURES.map(([f]) => f))} AS features,
  ${num(FEATURES.map(([, at]) => Math.floor(at * input.days)))} AS feature_launch,
  ${str(PATHS)} AS paths
SELECT
  ${teamId} AS team_id,
  toUUID(${uuidText(h(1), h(2))}) AS uuid,
  event,
  concat('{"$browser":"', arrayElement(p_browser, p), '","$os":"', arrayElement(p_os, p),
    '","$device_type":"', if(arrayElement(p_os, p) IN ('iOS', 'Android'), 'Mobile', 'Desktop'),
    '","$host":"app.example.com","$current_url":"https://app.example.com', path, '","$pathname":"', path,
    '","$lib":"web","$screen_width":', toString(arrayElement([1280, 1440, 1920, 2560, 390], 1 + ${h(11)} % 5)),
    ',"$geoip_country_code":"', arrayElement(p_country, p), '","plan":"', plan, '"', ${extra},
    ',"$groups":{"organization":"', org, '"}}') AS properties,
  ts AS timestamp,
  arrayElement(p_distinct, p) AS distinct_id,
  if(event = '$autocapture', concat('button.btn.btn-primary:nth-child="', toString(1 + ${h(12)} % 4), '"text="',
    arrayElement(['Save', 'Export', 'Share', 'Invite'], 1 + ${h(13)} % 4), '"'), '') AS elements_chain,
  ts + toIntervalMillisecond(50 + ${h(14)} % 900) AS created_at,
  ${uuidText(`cityHash64(${seed}, ${teamId}, p, d)`, `cityHash64(${seed}, ${teamId}, p, d, 1)`)} AS \`$session_id\`,
  ${uuidText(`cityHash64(${seed}, ${teamId}, p, d, 7)`, `cityHash64(${seed}, ${teamId}, p, d, 8)`)} AS \`$window_id\`,
  toUUID(arrayElement(p_uuid, p)) AS person_id,
  org AS \`$group_0\`, '' AS \`$group_1\`, '' AS \`$group_2\`, '' AS \`$group_3\`, '' AS \`$group_4\`
FROM (
  SELECT
    number,
    arrayElement(slots, 1 + ${h(3)} % length(slots)) AS p,
    arrayElement(p_company, p) AS c,
    greatest(arrayElement(p_start, p), arrayElement(c_start, c)) AS d0,
    greatest(arrayElement(c_end, c), d0 + 1) AS d1,
    d0 + toUInt32(floor(sqrt((${h(4)} % 1000000) / 1000000) * (d1 - d0))) AS d_raw,
    toDayOfWeek(toDate('${input.startDate}') + d_raw) AS dow,
    if(dow >= 6 AND ${h(5)} % 10 < 7 AND d_raw >= d0 + dow - 1, d_raw - (dow - 5) - ${h(17)} % 5, d_raw) AS d,
    ${h(6)} % 100 AS u_hour,
    if(u_hour < 85, 8 + u_hour % 10, u_hour % 24) AS hour,
    toInt64(toUInt32(toDateTime(toDate('${input.startDate}') + d, 'UTC')) + hour * 3600 + ${h(7)} % 3600) AS seconds,
    if(${h(8)} % 10 < 3, 0, ${h(9)} % 1000000) AS micros,
    fromUnixTimestamp64Micro(seconds * 1000000 + micros, 'UTC') AS ts,
    ${h(10)} % 1000 AS u_event,
    multiIf(${eventCases.join(', ')}, '$pageview') AS event,
    ${h(15)} % ${FEATURES.length} AS f_raw,
    if(d < arrayElement(feature_launch, 1 + f_raw), ${h(15)} % 3, f_raw) AS f,
    arrayElement(features, 1 + f) AS feature,
    arrayElement(paths, 1 + ${h(16)} % ${PATHS.length}) AS path,
    arrayElement(c_org, c) AS org,
    arrayElement(c_plan, c) AS plan
  FROM numbers(${input.count})
)`
}

/** Sessions derived from events, like PostHog's sessions table. */
export function sessionsSql(database: string, teamId: number): string {
  const db = `\`${database}\``
  return `INSERT INTO ${db}.sessions
SELECT team_id, \`$session_id\`, any(distinct_id), min(timestamp), max(timestamp),
  dateDiff('second', min(timestamp), max(timestamp)), countIf(event = '$pageview'), countIf(event = '$autocapture'),
  argMin(JSONExtractString(properties, '$current_url'), timestamp), argMin(JSONExtractString(properties, '$pathname'), timestamp),
  argMax(JSONExtractString(properties, '$current_url'), timestamp), countIf(event = '$pageview') <= 1,
  groupUniqArray(JSONExtractString(properties, '$current_url'))
FROM ${db}.events WHERE team_id = ${teamId} GROUP BY team_id, \`$session_id\``
}
