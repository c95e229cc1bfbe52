import { describe, expect, it } from 'vitest'
import { withPlaceholderStandIns } from './placeholderStandIns'
import { stateAt } from './testSupport'

describe('withPlaceholderStandIns', () => {
  it('replaces known placeholders by same-length expressions, keeping every offset', () => {
    const doc =
      'select count() from events where timestamp >= {period_start} and timestamp < {period_end} and x = {plan}'
    const out = withPlaceholderStandIns(stateAt(doc), ['period_start', 'period_end', 'plan'])
    expect(out).toHaveLength(doc.length)
    expect(out).toBe(
      'select count() from events where timestamp >= now()          and timestamp < now()        and x = NULL  ',
    )
    expect(out.indexOf('and x')).toBe(doc.indexOf('and x'))
  })

  it('leaves unknown placeholders (PostHog reports them) and braces inside strings and comments', () => {
    const doc = "select {plna}, '{plan}' -- {plan}\n, {a}"
    expect(withPlaceholderStandIns(stateAt(doc), ['plan', 'a'])).toBe("select {plna}, '{plan}' -- {plan}\n, 0  ")
  })
})
