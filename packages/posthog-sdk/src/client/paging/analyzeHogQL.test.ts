import { describe, expect, it } from 'vitest'
import { analyzeHogQL, withExplicitLimit } from './analyzeHogQL'

describe('analyzeHogQL', () => {
  it('finds placeholders outside strings and comments', () => {
    const shape = analyzeHogQL(
      "select '{not_me}', {ev} from events -- {nor_me}\n where timestamp >= {period_start} and x = {variables.code} /* {no} */ and t < { period_end }",
    )
    expect([...shape.placeholders].sort()).toEqual(['ev', 'period_end', 'period_start', 'variables.code'])
  })

  it('sees a top-level LIMIT but not one in a subquery, a string or a LIMIT BY', () => {
    expect(analyzeHogQL('select 1 limit 10').arms).toEqual([{ start: 0, end: 17, hasLimit: true }])
    expect(analyzeHogQL('select * from (select 1 limit 10)').arms[0]!.hasLimit).toBe(false)
    expect(analyzeHogQL("select 'limit 5' from events").arms[0]!.hasLimit).toBe(false)
    expect(analyzeHogQL('select a from t limit 1 by a').arms[0]!.hasLimit).toBe(false)
    expect(analyzeHogQL('select a from t limit 1 by a limit 7').arms[0]!.hasLimit).toBe(true)
    expect(analyzeHogQL('select a from t limit 5 offset 5').hasOffset).toBe(true)
  })

  it('splits UNION arms at top level only', () => {
    const shape = analyzeHogQL('select 1 limit 3 union all select 2 union distinct (select 3 union all select 4)')
    expect(shape.arms.map((a) => a.hasLimit)).toEqual([true, false, false])
  })
})

describe('withExplicitLimit', () => {
  it('adds a LIMIT on its own line, after a trailing comment and without a trailing semicolon', () => {
    expect(withExplicitLimit('select event from events order by timestamp -- newest last', 50000)).toBe(
      'select event from events order by timestamp -- newest last\nLIMIT 50000',
    )
    expect(withExplicitLimit('select 1;  ', 10)).toBe('select 1\nLIMIT 10')
  })

  it('keeps the author LIMIT', () => {
    expect(withExplicitLimit('select 1 limit 5', 10)).toBe('select 1 limit 5')
  })

  it('limits every UNION arm that has none, since PostHog applies LIMIT 100 to each', () => {
    expect(withExplicitLimit('select 1 union all select 2 limit 4 union all select 3', 10)).toBe(
      'select 1\nLIMIT 10\nunion all select 2 limit 4 union all select 3\nLIMIT 10',
    )
  })
})
