import { describe, expect, it } from 'vitest'
import { queryTemplates } from '../../../test/fixtures'
import { parseQueryTemplates } from './parseQueryTemplates'

const good = { id: 'dau', name: 'Daily active users', type: 'product_usage', hogql: 'SELECT 1' }

describe('parseQueryTemplates', () => {
  it('keeps valid templates as given, in order', () => {
    expect(parseQueryTemplates(queryTemplates)).toEqual({ templates: queryTemplates, problems: [] })
    expect(parseQueryTemplates(undefined)).toEqual({ templates: [], problems: [] })
  })

  it.each([
    [
      { ...good, type: 'usage' },
      /"dau" is not offered: its type "usage" is not a query type; use one of product_usage, custom_field, custom_object/,
    ],
    [{ ...good, type: undefined }, /"dau" is not offered: its type undefined is not a query type/],
    [{ ...good, hogql: '' }, /"dau" is not offered: its hogql is empty/],
    [{ ...good, hogql: '   \n' }, /"dau" is not offered: its hogql is empty/],
    [{ ...good, hogql: 42 }, /"dau" is not offered: its hogql is empty/],
    [{ ...good, name: '' }, /"dau" is not offered: give it a non-empty name/],
    [{ ...good, grain: 'week' }, /"dau" is not offered: its grain "week" is not a grain; use one of hour, day/],
  ])('refuses %o, naming its id', (template, message) => {
    const { templates, problems } = parseQueryTemplates([template, { ...good, id: 'other' }])
    expect(templates.map((t) => t.id)).toEqual(['other'])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^\[@statisfy\/posthog-ui\] The query template /)
    expect(problems[0]).toMatch(message)
  })

  it('names a template without an id by its index, and refuses a repeated id', () => {
    const { templates, problems } = parseQueryTemplates([good, null, { ...good, id: '' }, { ...good, name: 'Again' }])
    expect(templates).toEqual([good])
    expect(problems).toEqual([
      expect.stringMatching(/template #1 is not offered: templates\[1\] is not an object/),
      expect.stringMatching(/template #2 is not offered: templates\[2\] has no id/),
      expect.stringMatching(/template "dau" is not offered: its id repeats an earlier template’s/),
    ])
  })

  it('drops an empty description rather than showing an empty line', () => {
    expect(parseQueryTemplates([{ ...good, description: '' }]).templates[0]).not.toHaveProperty('description')
  })
})
