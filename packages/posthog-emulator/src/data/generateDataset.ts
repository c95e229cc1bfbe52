import type { Session } from 'chdb'
import { BERLIN_PROJECT_ID, DEFAULT_PROJECT_ID } from '../emulator/projects'
import { type Company, generateCompanies } from './companies'
import { createRandom, type Random } from './createRandom'
import { datasetDdl } from './datasetDdl'
import { eventsSql, sessionsSql } from './eventsSql'
import { generatePersons, type Person } from './persons'

/** What a dataset is generated from; the same spec always yields the same rows. */
export interface DatasetSpec {
  seed: number
  /** Events of the default project; the Berlin project gets a fifth of it. */
  size: number
  /** Day after the last day of data, `YYYY-MM-DD` (UTC). */
  endDate: string
}

/** Length of the event window, in days. */
export const DATASET_DAYS = 180

/** First day of a dataset's window. */
export function datasetStartDate(spec: DatasetSpec): string {
  const end = Date.parse(`${spec.endDate}T00:00:00Z`)
  return new Date(end - DATASET_DAYS * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Creates and fills a dataset's tables in `database`: companies and people from a seeded PRNG (a few thousand rows),
 * events generated inside ClickHouse (fast up to millions), sessions derived from events.
 */
export async function generateDataset(session: Session, database: string, spec: DatasetSpec): Promise<void> {
  for (const statement of datasetDdl(database)) await session.queryAsync(statement)
  const teams = [
    { teamId: DEFAULT_PROJECT_ID, companies: 36, events: spec.size, salt: 0 },
    { teamId: BERLIN_PROJECT_ID, companies: 12, events: Math.max(1000, Math.floor(spec.size / 5)), salt: 0x5bd1e995 },
  ]
  for (const team of teams) {
    const random = createRandom((spec.seed ^ team.salt) >>> 0)
    const companies = generateCompanies(random, team.companies, DATASET_DAYS)
    const persons = generatePersons(random, companies)
    const personIds = persons.map(() => uuid(random))
    const startDate = datasetStartDate(spec)
    await insertRows(session, `\`${database}\`.groups`, groupRows(team.teamId, companies, startDate))
    await insertRows(
      session,
      `\`${database}\`.persons`,
      personRows(team.teamId, persons, personIds, companies, startDate),
    )
    await insertRows(
      session,
      `\`${database}\`.person_distinct_ids`,
      persons.map((p, i) => ({ team_id: team.teamId, distinct_id: p.distinctId, person_id: personIds[i] })),
    )
    await session.queryAsync(
      eventsSql({
        database,
        teamId: team.teamId,
        seed: spec.seed,
        count: team.events,
        startDate,
        days: DATASET_DAYS,
        companies,
        persons,
        personIds,
      }),
    )
    await session.queryAsync(sessionsSql(database, team.teamId))
  }
}

async function insertRows(session: Session, table: string, rows: readonly object[]): Promise<void> {
  await session.queryAsync(
    `INSERT INTO ${table} FORMAT JSONEachRow\n${rows.map((row) => JSON.stringify(row)).join('\n')}\n`,
  )
}

function dayTimestamp(startDate: string, day: number, hour = 9): string {
  const ms = Date.parse(`${startDate}T00:00:00Z`) + day * 86_400_000 + hour * 3_600_000
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
}

function groupRows(teamId: number, companies: readonly Company[], startDate: string): object[] {
  return companies.map((c) => ({
    team_id: teamId,
    index: 0,
    key: c.orgId,
    created_at: dayTimestamp(startDate, c.startDay),
    updated_at: dayTimestamp(startDate, c.startDay, 10),
    properties: JSON.stringify({
      name: c.name,
      domain: c.domain,
      crm_id: c.crmId,
      salesforce_id: c.crmId,
      hubspot_id: c.hubspotId,
      org_id: c.orgId,
      plan: c.plan,
      industry: c.industry,
      employee_count: c.employees,
      churned: c.endDay < DATASET_DAYS,
    }),
  }))
}

function personRows(
  teamId: number,
  persons: readonly Person[],
  ids: readonly string[],
  companies: readonly Company[],
  startDate: string,
): object[] {
  return persons.map((p, i) => {
    const company = companies[p.company]!
    return {
      team_id: teamId,
      id: ids[i],
      created_at: dayTimestamp(startDate, p.startDay, 8),
      is_identified: true,
      properties: JSON.stringify({
        email: p.email,
        name: `${p.firstName} ${p.lastName}`,
        first_name: p.firstName,
        last_name: p.lastName,
        role: p.role,
        company_name: company.name,
        org_id: company.orgId,
        plan: company.plan,
        $initial_browser: p.browser,
        $initial_os: p.os,
        $geoip_country_code: p.country,
      }),
    }
  })
}

function uuid(random: Random): string {
  let hex = ''
  for (let i = 0; i < 32; i++) hex += Math.floor(random.next() * 16).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
