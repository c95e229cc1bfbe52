import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/startEmulator'
import { rowsOf, runHogQL } from '../testing/runHogQL'
import { BARE_ALIAS_KEYWORDS, NAME_KEYWORDS } from './keywords'

// Parity: every construct the printer supports and every keyword-as-name position PostHog's grammar accepts must
// parse, print and run on ClickHouse (chdb). A crash or a ClickHouse error fails the test.
let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({
    size: 1_000,
    endDate: '2026-11-01',
    rateLimits: { burstPerMinute: 100_000, sustainedPerHour: 1_000_000 },
  })
}, 120_000)
afterAll(async () => {
  await emu?.close()
})

const CONSTRUCTS = [
  // clauses
  'select distinct event from events where 1 = 1 order by event asc limit 2',
  'select event, count() as c from events group by event having c > 0 order by c desc, event limit 3',
  "select event from events prewhere event != '' where timestamp > now() - interval 400 day limit 1",
  'select event from events order by timestamp desc limit 1 by event limit 3',
  'select event from events order by event limit 2 with ties',
  'select number from numbers(3) union all select number from numbers(2)',
  'select number from numbers(3) union distinct select 1 intersect select 1 except select 5',
  '(select 1) union all (select 2)',
  'with t as (select number as n from numbers(3)) select sum(n) from t',
  'with 2 as two select two * 3',
  'select n from (select number as n from numbers(4)) as s where s.n > 1',
  'select e.event, p.id from events as e inner join persons as p on e.person_id = p.id limit 1',
  'select e.event from events e left join persons p on e.person_id = p.id limit 1',
  'select a.number as x, b.number as y from numbers(2) as a cross join numbers(2) as b',
  'select a.number from numbers(2) as a, numbers(2) as b',
  'select a.number from numbers(3) a join numbers(3) b using (number)',
  'select x from numbers(2) array join [1, 2] as x',
  "select x from numbers(1) left array join ['a'] as x",
  'select * from persons limit 1',
  'select e.* from events e limit 1',
  // expressions
  'select 1 + 2 - 3 * 4 / 5 % 2, -number, not 1, 1 and 0 or 1 from numbers(1)',
  "select 'a' || 'b', concat('x', 1), f'tpl {1}'",
  "select 1 = 1, 1 != 2, 1 < 2, 1 <= 2, 2 > 1, 2 >= 1, 'a' like 'a%', 'a' ilike 'A', 'a' not like 'b', 'a' not ilike 'B'",
  "select 'abc' =~ 'b', 'abc' !~ 'x', 'ABC' =~* 'b', 'abc' !~* 'x', 'abc' ~ 'a', 'abc' ~* 'A'",
  'select 1 in (1, 2), 3 not in (1, 2), 1 in (select 1), 2 between 1 and 3, 5 not between 1 and 3',
  'select null is null, 1 is not null, null = null, 1 != null',
  "select case when 1 = 1 then 'y' else 'n' end, case when 0 then 1 end, case 2 when 1 then 'a' when 2 then 'b' else 'c' end",
  "select 1 = 1 ? 'y' : 'n', null ?? 3",
  'select interval 1 day, interval 2 week, toIntervalHour(3)',
  'select (1, 2), [1, 2], [], tuple(), (1, 2).1, [3, 4][2]',
  'select arrayMap(x -> x * 2, [1, 2]), arrayFilter((x, y) -> x > y, [1, 2], [2, 1])',
  'select row_number() over (partition by event order by timestamp desc) from events limit 1',
  'select sum(number) over (order by number rows between 1 preceding and current row) from numbers(3)',
  'select sum(number) over (order by number rows between unbounded preceding and unbounded following) from numbers(3)',
  'select quantile(0.5)(number), count(distinct number), countIf(number > 1), uniqIf(number, number > 0) from numbers(5)',
  "select cast(1 as String), 1::Float64, cast('2024-01-01' as Date)",
  "select toDate('2024-01-02'), toDateTime('2024-01-02 03:04:05'), now() > toDateTime('2020-01-01'), toInt('7'), toFloat('1.5')",
  "select trim(leading 'x' from 'xxa'), trim(trailing 'x' from 'axx'), trim(both 'x' from 'xax')",
  'select 18446744073709551615, 9223372036854775807, 1e3, 0x1F, inf, nan, -1.5',
  "select properties.$browser, properties['$browser'], person.properties.email, group_0.properties.name from events limit 1",
  'select session.$session_duration from events limit 1',
  'select {v}, {w}',
  'select count() from events where {filters}',
  'select (select count() from events) > 0',
  'select event from events where (timestamp, uuid) > ({ts}, {id}) limit 1',
] as const

const VALUES = { v: 1, w: 'x', ts: '2020-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' }

describe('parity: every construct the printer supports runs on ClickHouse', () => {
  it.each(CONSTRUCTS)('%s', async (query) => {
    await expect(rowsOf(emu, query, VALUES)).resolves.toBeInstanceOf(Array)
  })
})

describe('parity: keywords PostHog accepts as names', () => {
  it.each(NAME_KEYWORDS)('%s as a placeholder, alias, CTE, table alias, lambda argument and property', async (kw) => {
    expect(await rowsOf(emu, `select {${kw}} as v`, { [kw]: 5 })).toEqual([[5]])
    expect(await rowsOf(emu, `select number as ${kw} from numbers(3) order by 1 desc limit 1`)).toEqual([[2]])
    expect(
      await rowsOf(emu, `select s.${kw} from (select number as ${kw} from numbers(3)) as s order by s.${kw} limit 1`),
    ).toEqual([[0]])
    expect(await rowsOf(emu, `with ${kw} as (select 1 as x) select x from ${kw}`)).toEqual([[1]])
    expect(await rowsOf(emu, `with 2 as ${kw} select ${kw} * 2`)).toEqual([[4]])
    expect(await rowsOf(emu, `select ${kw}.number from numbers(2) as ${kw} order by 1 desc limit 1`)).toEqual([[1]])
    // In a lambda body `not + 1` reads as NOT(+1), in PostHog's grammar too: the argument is used as a call argument.
    const body = kw === 'not' ? "toString(not) = '1' ? 2 : 0" : `${kw} + 1`
    expect(await rowsOf(emu, `select arrayMap(${kw} -> ${body}, [1])`)).toEqual([[[2]]])
    expect(
      await rowsOf(emu, `select properties.${kw} as p, person.properties.${kw} as pp from events limit 1`),
    ).toEqual([[null, null]])
    // The column is named after the alias, whatever the keyword.
    const answer = await runHogQL(emu, `select 1 as ${kw}`)
    expect(answer).toMatchObject({ ok: true, columns: [kw] })
  })

  it.each(BARE_ALIAS_KEYWORDS)('%s as a table alias without AS', async (kw) => {
    expect(await rowsOf(emu, `select ${kw}.number from numbers(2) ${kw} order by 1 limit 1`)).toEqual([[0]])
  })
})
