import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATASET_DAYS, generateDataset } from './generateDataset'
import { acquireSession, releaseSession } from './sharedSession'

// Generation is deterministic from the seed and has the shapes product-usage queries look for.
const { session } = acquireSession()
const spec = { seed: 7, size: 30_000, endDate: '2026-10-01' }

const rows = async <T>(sql: string) =>
  ((await session.queryAsync(sql, { format: 'JSONCompact' })).json() as { data: T[] }).data
const checksum = async (db: string) =>
  (
    await rows<[string]>(
      `SELECT toString(sum(cityHash64(uuid, event, properties, timestamp, distinct_id, person_id))) FROM ${db}.events`,
    )
  )[0]![0]

beforeAll(async () => {
  await generateDataset(session, 'det_a', spec)
  await generateDataset(session, 'det_b', spec)
  await generateDataset(session, 'det_c', { ...spec, seed: 8 })
}, 120_000)
afterAll(() => releaseSession())

describe('generateDataset', () => {
  it('is deterministic from the seed', async () => {
    expect(await checksum('det_a')).toBe(await checksum('det_b'))
    expect(await checksum('det_a')).not.toBe(await checksum('det_c'))
  })

  it('writes the requested events for two projects inside the window', async () => {
    const counts = await rows<[number, string, string, string]>(
      'SELECT team_id, toString(count()), toString(min(toDate(timestamp))), toString(max(toDate(timestamp))) FROM det_a.events GROUP BY team_id ORDER BY team_id',
    )
    expect(counts.map((r) => [r[0], r[1]])).toEqual([
      [12345, '30000'],
      [12346, '6000'],
    ])
    for (const [, , first, last] of counts) {
      expect(Date.parse(last) < Date.parse(spec.endDate)).toBe(true)
      expect((Date.parse(spec.endDate) - Date.parse(first)) / 86_400_000).toBeLessThanOrEqual(DATASET_DAYS)
    }
  })

  it('is quieter on weekends and grows over time', async () => {
    const [weekday, weekend] = (
      await rows<[number, number]>(
        'SELECT countIf(toDayOfWeek(timestamp) <= 5) / 5, countIf(toDayOfWeek(timestamp) > 5) / 2 FROM det_a.events WHERE team_id = 12345',
      )
    )[0]!
    expect(weekday).toBeGreaterThan(weekend * 1.5)
    const [early, late] = (
      await rows<[string, string]>(
        `SELECT toString(countIf(timestamp < toDate('${spec.endDate}') - 120)), toString(countIf(timestamp >= toDate('${spec.endDate}') - 60)) FROM det_a.events WHERE team_id = 12345`,
      )
    )[0]!
    expect(Number(late)).toBeGreaterThan(Number(early) * 0.5)
  })

  it('makes churned companies go silent and late features appear late', async () => {
    const churned = await rows<[string, string]>(
      "SELECT g.key, toString(max(e.timestamp)) FROM det_a.groups AS g INNER JOIN det_a.events AS e ON e.`$group_0` = g.key AND e.team_id = g.team_id WHERE g.team_id = 12345 AND JSONExtractBool(g.properties, 'churned') GROUP BY g.key",
    )
    for (const [, lastSeen] of churned)
      expect(Date.parse(`${lastSeen.slice(0, 10)}T00:00:00Z`)).toBeLessThan(Date.parse(spec.endDate) - 10 * 86_400_000)
    const [firstApi] = (
      await rows<[string]>(
        "SELECT toString(min(toDate(timestamp))) FROM det_a.events WHERE team_id = 12345 AND JSONExtractString(properties, 'feature') = 'api'",
      )
    )[0]!
    const [firstDashboards] = (
      await rows<[string]>(
        "SELECT toString(min(toDate(timestamp))) FROM det_a.events WHERE team_id = 12345 AND JSONExtractString(properties, 'feature') = 'dashboards'",
      )
    )[0]!
    expect(Date.parse(firstApi)).toBeGreaterThan(Date.parse(firstDashboards) + 60 * 86_400_000)
  })

  it('gives groups CRM ids and persons company and public-mail emails', async () => {
    const groups = await rows<[string]>(
      "SELECT JSONExtractString(properties, 'crm_id') FROM det_a.groups WHERE team_id = 12345",
    )
    expect(groups.length).toBe(36)
    for (const [crm] of groups) expect(crm).toMatch(/^001[0-9A-Za-z]{12}[A-Z0-5]{3}$/)
    const [company, publicMail] = (
      await rows<[string, string]>(
        "SELECT toString(countIf(NOT match(JSONExtractString(properties, 'email'), '@(gmail|outlook|yahoo|hotmail)\\\\.com$|@proton\\\\.me$'))), toString(countIf(match(JSONExtractString(properties, 'email'), '@(gmail|outlook|yahoo|hotmail)\\\\.com$|@proton\\\\.me$'))) FROM det_a.persons WHERE team_id = 12345",
      )
    )[0]!
    expect(Number(company)).toBeGreaterThan(Number(publicMail) * 3)
    expect(Number(publicMail)).toBeGreaterThan(0)
  })
})
