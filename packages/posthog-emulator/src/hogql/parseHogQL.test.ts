import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Binary, SelectQuery } from './ast'
import { HogQLError } from './HogQLError'
import { parseHogQL, parseHogQLExpr } from './parseHogQL'
import { loadHogQLParser } from './parser/loadHogQLParser'
import { printHogQL } from './printHogQL'
import { printConstant } from './sqlText'

beforeAll(() => loadHogQLParser())

const select = (text: string) => parseHogQL(text) as SelectQuery

function syntaxError(text: string): HogQLError {
  try {
    parseHogQL(text)
  } catch (error) {
    if (error instanceof HogQLError) return error
    throw error
  }
  throw new Error(`expected a syntax error for: ${text}`)
}

describe('parseHogQL', () => {
  it('keeps 0-based source offsets on nodes', () => {
    const query = select('select 1 + no_field from events')
    const sum = query.columns[0] as Binary
    expect(sum.right).toMatchObject({ kind: 'field', chain: ['no_field'], start: 11, end: 19 })
    expect(sum).toMatchObject({ start: 7, end: 19 })
  })

  it('parses property chains, brackets and placeholders', () => {
    const query = select(
      "select properties.$browser, properties['$feature/x'], person.properties.email, {ev} from events",
    )
    expect(query.columns[0]).toMatchObject({ kind: 'field', chain: ['properties', '$browser'] })
    expect(query.columns[1]).toMatchObject({ kind: 'arrayAccess', index: { kind: 'constant', value: '$feature/x' } })
    expect(query.columns[2]).toMatchObject({ kind: 'field', chain: ['person', 'properties', 'email'] })
    expect(query.columns[3]).toMatchObject({ kind: 'placeholder', chain: ['ev'] })
  })

  it('parses joins, CTEs, unions, LIMIT BY and lambdas', () => {
    const text =
      'with t as (select 1 as x) select e.event, arrayMap(x -> x + 1, [1]) from events as e left join persons p on e.person_id = p.id ' +
      'where e.event in (select event from events limit 1) order by e.event desc limit 1 by e.event limit 5 union all select 1, 2'
    const set = parseHogQL(text)
    expect(set.kind).toBe('set')
    const first = set.kind === 'set' ? (set.first as SelectQuery) : null
    expect(first?.ctes.map((c) => c.name)).toEqual(['t'])
    expect(first?.from.map((f) => [f.alias, f.joinType])).toEqual([
      ['e', null],
      ['p', 'LEFT JOIN'],
    ])
    expect(first?.limitBy?.exprs).toHaveLength(1)
    expect(first?.limit).toMatchObject({ value: { number: '5' } })
  })

  it("answers PostHog's own syntax errors with its offsets (end is the end of the query, as PostHog sends it)", () => {
    expect(syntaxError('selec event from events')).toMatchObject({
      code: 'hogql_syntax_error',
      message: "mismatched input 'selec' expecting {SELECT, WITH, '{', '(', '<'}",
      start: 0,
      end: 23,
    })
    expect(syntaxError('select event from')).toMatchObject({
      message: "no viable alternative at input 'select event from'",
      start: 17,
      end: 17,
    })
    expect(syntaxError('select 1 1 2')).toMatchObject({
      message: "no viable alternative at input 'select 1 1'",
      start: 9,
    })
    // Offsets are UTF-16 indices here (PostHog counts code points; HogQLMetadata converts back).
    expect(syntaxError("select '😀' x y")).toMatchObject({ start: 14, end: 15 })
    expect(syntaxError("select 'abc").code).toBe('hogql_syntax_error')
    expect(syntaxError('').message).toBe('Empty query')
    expect(syntaxError('select 1 as team_id').message).toBe(
      '"team_id" cannot be an alias or identifier, as it\'s a reserved keyword',
    )
  })

  it('prints HogQL stably: printing a parse of the printed text gives the same text', () => {
    const texts = [
      'select event, count() as c from events where (event = 1 or 2 = 3) and not x between 1 and 2 group by event having c > 1 order by c desc limit 10',
      "select case when a then 'x' else 'y' end, -b, c is not null, d ? 1 : 2, interval 3 day, (1, 2), t.1 from t",
    ]
    for (const text of texts) {
      const once = printHogQL(parseHogQL(text))
      expect(printHogQL(parseHogQL(once))).toBe(once)
    }
  })

  it('parses standalone expressions for hogQLExpr metadata', () => {
    expect(parseHogQLExpr('count() * 2')).toMatchObject({ kind: 'binary', op: 'multiply' })
  })

  it('keeps subscripts apart from field chains: x[1] is an array access, x.1 a tuple access', () => {
    const query = select("select splitByChar(',', x)[-1], t.2.1, properties.$set.email from events")
    expect(query.columns[0]).toMatchObject({
      kind: 'arrayAccess',
      array: { kind: 'call' },
      index: { value: { number: '-1' } },
    })
    expect(query.columns[1]).toMatchObject({ kind: 'tupleAccess', index: 1, tuple: { kind: 'tupleAccess', index: 2 } })
    expect(query.columns[2]).toMatchObject({ kind: 'field', chain: ['properties', '$set', 'email'] })
  })

  it('keeps integers beyond 2^53 exact', () => {
    expect(select('select 18446744073709551615, 9007199254740993').columns).toMatchObject([
      { value: { number: '18446744073709551615' } },
      { value: { number: '9007199254740993' } },
    ])
  })

  it('answers constructs the printer does not know with an error naming them and where they are', () => {
    expect(syntaxError("select {'a': 1} from events")).toMatchObject({
      code: 'hogql_query_error',
      message: expect.stringMatching(/^A dictionary literal .* is not supported by the emulator \(at offset 7\)/),
      start: 7,
      end: 15,
    })
    expect(syntaxError('select 1 from events qualify 1').message).toMatch(/^QUALIFY is not supported by the emulator/)
    expect(syntaxError('select 1 from events final').message).toBe(
      'The FINAL keyword is not supported in HogQL as it causes slow queries',
    )
  })
})

describe('string constants', () => {
  it("round-trip any string through the printer's quoting and PostHog's parser", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const column = select(`select ${printConstant(value)}`).columns[0]
        expect(column).toMatchObject({ kind: 'constant', value })
      }),
    )
  })
})
