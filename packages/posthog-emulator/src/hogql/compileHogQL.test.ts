import { beforeAll, describe, expect, it } from 'vitest'
import { type CompileOptions, compileHogQL, OFFSET_REJECTED_MESSAGE } from './compileHogQL'
import { loadHogQLParser } from './parser/loadHogQLParser'

beforeAll(() => loadHogQLParser())

const compile = (query: string, extra: Partial<CompileOptions> = {}) =>
  compileHogQL({ query, teamId: 7, timezone: 'UTC', database: 'db', rejectOffset: true, ...extra })

function failure(query: string, extra: Partial<CompileOptions> = {}) {
  try {
    compile(query, extra)
  } catch (error) {
    return error as { code: string; message: string; start: number | null; end: number | null }
  }
  throw new Error(`expected ${query} to fail`)
}

describe('compileHogQL', () => {
  it('prints property access as PostHog does, bracket and dot forms alike', () => {
    const dot = compile('select properties.$browser from events limit 1').clickhouse
    const bracket = compile("select properties['$browser'] as `$browser` from events limit 1").clickhouse
    expect(dot).toContain(
      `replaceRegexpAll(nullIf(nullIf(JSONExtractRaw(events.properties, '$browser'), ''), 'null'), '^"|"$', '') AS \`$browser\``,
    )
    expect(bracket).toBe(dot)
    expect(compile('select properties.$set.email from events limit 1').clickhouse).toContain(
      "JSONExtractRaw(events.properties, '$set', 'email')",
    )
  })

  it('joins persons and groups lazily, filtered to the team', () => {
    const sql = compile('select person.properties.email, group_0.properties.name from events limit 1').clickhouse
    expect(sql).toContain('LEFT JOIN (SELECT persons.id AS id,')
    expect(sql).toContain(
      'WHERE equals(persons.team_id, 7)) AS events__person ON equals(events.person_id, events__person.id)',
    )
    expect(sql).toContain('equals(groups.`index`, 0)')
    expect(sql).toMatch(/WHERE equals\(events\.team_id, 7\) LIMIT 1$/)
  })

  it('filters every dataset table to the team, in FROM, JOIN and subqueries', () => {
    const sql = compile(
      'select count() from events e join persons p on e.person_id = p.id where e.event in (select event from events)',
    ).sql
    expect(sql.match(/team_id, 7\)/g)).toHaveLength(3)
  })

  it('applies the implicit LIMIT to each top-level SELECT and clamps large LIMITs', () => {
    // PostHog paginates (LIMIT 101, hasMore) only a plain SELECT; a UNION's arms get LIMIT 100 each and no hasMore
    // (HogQLQueryRunner._calculate: `isinstance(query, ast.SelectQuery) and not query.limit`).
    const union = compile('select 1 union all select 2 limit 3')
    expect(union.hogql).toBe('SELECT 1 LIMIT 100 UNION ALL SELECT 2 LIMIT 3')
    expect(union.pagination).toBeNull()
    expect(compile('select 1 union all select 2').hogql).toBe('SELECT 1 LIMIT 100 UNION ALL SELECT 2 LIMIT 100')
    expect(compile('select 1').pagination).toEqual({ limit: 100, offset: 0 })
    expect(compile('select 1 limit 60000').hogql).toBe('SELECT 1 LIMIT 50000')
    expect(compile('select 1 limit 60000').pagination).toBeNull()
    expect(compile('select * from (select event from events) limit 5').sql).not.toContain('LIMIT 101')
  })

  it('rejects OFFSET (also in LIMIT BY) for personal keys only', () => {
    expect(failure('select 1 limit 1 offset 2').message).toBe(OFFSET_REJECTED_MESSAGE)
    expect(failure('select event from events limit 1 offset 1 by event limit 5').message).toBe(OFFSET_REJECTED_MESSAGE)
    expect(compile('select 1 limit 1 offset 2', { rejectOffset: false }).sql).toContain('OFFSET 2')
  })

  it('inlines placeholder values as escaped constants', () => {
    const sql = compile('select 1 from events where event in {names} and distinct_id = {id} limit 1', {
      values: { names: ['a', "b'c"], id: "x\\' or 1=1" },
    }).sql
    expect(sql).toContain("in(events.event, ['a', 'b\\'c'])")
    expect(sql).toContain("equals(events.distinct_id, 'x\\\\\\' or 1=1')")
  })

  it('explains a missing placeholder', () => {
    expect(failure('select {nope}', { values: { ev: 1 } })).toMatchObject({
      code: 'hogql_query_error',
      message: 'Placeholder {nope} is not available in this context. You can use the following: ev',
      start: 7,
      end: 13,
    })
  })

  it('maps HogQL-specific functions', () => {
    const sql = compile(
      "select toInt('1'), toFloat('1.5'), toDate(timestamp), toDate('2026-01-01'), toDateTime('2026-01-01'), now() from events limit 1",
      {
        timezone: 'Europe/Berlin',
      },
    ).clickhouse
    expect(sql).toContain("accurateCastOrNull('1', 'Int64')")
    expect(sql).toContain("accurateCastOrNull('1.5', 'Float64')")
    expect(sql).toContain("toDate(toTimeZone(events.timestamp, 'Europe/Berlin'))")
    expect(sql).toContain("toDateOrNull('2026-01-01')")
    expect(sql).toContain("parseDateTime64BestEffortOrNull('2026-01-01', 6, 'Europe/Berlin')")
    expect(sql).toContain("now64(6, 'Europe/Berlin')")
  })

  it('answers PostHog’s resolution errors with positions', () => {
    expect(failure('select hamburger(event) from events')).toMatchObject({
      message: "Unsupported function call 'hamburger(...)'",
      start: 7,
      end: 23,
    })
    expect(failure('select 1 + no_field from events')).toMatchObject({
      message: 'Unable to resolve field: no_field',
      start: 11,
      end: 19,
    })
    expect(failure('select if(1, 2) from events').message).toBe("Function 'if' requires 3 arguments, found 2")
    expect(failure('select 1 from nope').message).toBe('Unknown table `nope`.')
    expect(failure('select person from events').message).toBe("Can't select a table when a column is expected: person")
  })

  it('resolves SELECT aliases in later clauses and CTE columns', () => {
    const sql = compile(
      'with t as (select event as e from events) select e, count() as c from t group by e order by c desc limit 1',
    ).sql
    expect(sql).toContain(
      'SELECT t.e AS e, count() AS c FROM (SELECT events.event AS e FROM db.events AS events WHERE equals(events.team_id, 7)) AS t GROUP BY t.e ORDER BY c DESC LIMIT 1',
    )
  })

  it('compares with NULL and nullable properties as PostHog does, so missing properties are not silently dropped', () => {
    const plan = `replaceRegexpAll(nullIf(nullIf(JSONExtractRaw(events.properties, 'plan'), ''), 'null'), '^"|"$', '')`
    const where = (condition: string) => compile(`select 1 from events where ${condition} limit 1`).clickhouse
    expect(where('properties.plan = NULL')).toContain(`and(equals(events.team_id, 7), isNull(${plan}))`)
    expect(where('NULL != properties.plan')).toContain(`isNotNull(${plan})`)
    expect(where("properties.plan != 'pro'")).toContain(`ifNull(notEquals(${plan}, 'pro'), 1)`)
    expect(where("properties.plan = 'pro'")).toContain(`ifNull(equals(${plan}, 'pro'), 0)`)
    expect(where("properties.plan > 'a'")).toContain(`ifNull(greater(${plan}, 'a'), 0)`)
    expect(where("event != 'pro'")).toContain("notEquals(events.event, 'pro')) LIMIT 1")
    expect(where('properties.plan = properties.tier')).toContain(`isNull(${plan}) and isNull(`)
    const join = compile(
      'select 1 from events e join persons p on e.properties.pid = p.properties.pid limit 1',
    ).clickhouse
    expect(join).not.toContain('ifNull')
  })
})

describe('{filters}', () => {
  const now = Date.parse('2026-06-15T10:30:00Z')
  it('is true without filters', () => {
    expect(compile('select count() from events where {filters}').hogql).toBe(
      'SELECT count() FROM events WHERE true LIMIT 101 OFFSET 0',
    )
  })

  it('becomes date bounds and property filters, relative dates in the project zone', () => {
    const filters = {
      dateRange: { date_from: '-7d', date_to: '2026-06-15' },
      properties: [
        { key: '$browser', value: ['Chrome', 'Safari'], operator: 'exact', type: 'event' },
        { key: 'email', value: 'gmail', operator: 'icontains', type: 'person' },
      ],
    }
    const { hogql } = compile('select count() from events where {filters}', { filters, now, timezone: 'Europe/Berlin' })
    expect(hogql).toBe(
      "SELECT count() FROM events WHERE properties.$browser IN ('Chrome', 'Safari') AND person.properties.email ILIKE '%gmail%' AND timestamp >= toDateTime('2026-06-08 00:00:00.000', 'Europe/Berlin') AND timestamp < toDateTime('2026-06-15', 'Europe/Berlin') LIMIT 101 OFFSET 0",
    )
  })

  it('keeps the instant of a date with a UTC offset, and reads M as minutes (PostHog relative_date_parse)', () => {
    const bounds = (date_from: string) =>
      compile('select count() from events where {filters}', {
        filters: { dateRange: { date_from } },
        now,
        timezone: 'Europe/Berlin',
      }).hogql
    expect(bounds('2026-06-01T12:00:00+02:00')).toContain("toDateTime('2026-06-01 10:00:00.000', 'UTC')")
    expect(bounds('2026-06-01T12:00:00Z')).toContain("toDateTime('2026-06-01 12:00:00.000', 'UTC')")
    expect(bounds('2026-06-01 12:00')).toContain("toDateTime('2026-06-01 12:00', 'Europe/Berlin')")
    // now is 12:30 in Berlin: -30M is 12:00 that day, -1m a month earlier.
    expect(bounds('-30M')).toContain("toDateTime('2026-06-15 12:00:00.000', 'Europe/Berlin')")
    expect(bounds('-1m')).toContain("toDateTime('2026-05-15 00:00:00.000', 'Europe/Berlin')")
  })

  it('refuses filters the emulator does not implement', () => {
    expect(
      failure('select 1 from events where {filters}', {
        filters: { properties: [{ key: 'x', type: 'cohort', operator: 'exact' }] },
      }).message,
    ).toMatch(/event and person property filters/)
  })
})
