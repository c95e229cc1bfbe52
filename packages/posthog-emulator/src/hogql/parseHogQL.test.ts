import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Binary, SelectQuery } from './ast'
import { HogQLError } from './HogQLError'
import { parseHogQL, parseHogQLExpr } from './parseHogQL'
import { printHogQL } from './printHogQL'
import { printConstant } from './sqlText'
import { tokenize } from './tokenize'

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

  it('answers ANTLR-like syntax errors with positions', () => {
    expect(syntaxError('selec event from events')).toMatchObject({
      code: 'hogql_syntax_error',
      message: "mismatched input 'selec' expecting {SELECT, WITH, '{', '(', '<'}",
      start: 0,
      end: 5,
    })
    expect(syntaxError('select event from').message).toBe('Unexpected end of query')
    expect(syntaxError('select 1 1 2').message).toBe("extraneous input '1' expecting <EOF>")
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
})

describe('string constants', () => {
  it('round-trip any string through quoting and the tokenizer', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const tokens = tokenize(printConstant(value))
        expect(tokens).toHaveLength(2)
        expect(tokens[0]).toMatchObject({ kind: 'string', value })
      }),
    )
  })
})
