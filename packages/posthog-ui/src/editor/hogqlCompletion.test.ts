import { EditorView } from '@codemirror/view'
import { describe, expect, it } from 'vitest'
import { hogql } from './hogql'
import type { HogQLSchema } from './hogqlSchema'
import { completeAt, labels, stateAt } from './testSupport'

const schema: HogQLSchema = {
  tables: {
    events: {
      name: 'events',
      type: 'posthog',
      fields: {
        event: { name: 'event', hogql_value: 'event', type: 'string' },
        timestamp: { name: 'timestamp', hogql_value: 'timestamp', type: 'datetime' },
        properties: { name: 'properties', hogql_value: 'properties', type: 'json' },
        $session_id: { name: '$session_id', hogql_value: '`$session_id`', type: 'string' },
        person: { name: 'person', hogql_value: 'person', type: 'lazy_table', table: 'persons' },
        person_properties: {
          name: 'person_properties',
          hogql_value: 'person_properties',
          type: 'field_traverser',
          chain: ['person', 'properties'],
        },
        poe: {
          name: 'poe',
          hogql_value: 'poe',
          type: 'virtual_table',
          table: 'events_poe',
          fields: ['id', 'created_at'],
        },
      },
    },
    persons: {
      name: 'persons',
      type: 'posthog',
      fields: {
        id: { name: 'id', hogql_value: 'id', type: 'string' },
        properties: { name: 'properties', hogql_value: 'properties', type: 'json' },
      },
    },
    'stripe.invoices': {
      name: 'stripe.invoices',
      type: 'data_warehouse',
      fields: { amount: { name: 'amount', hogql_value: 'amount', type: 'integer' } },
    },
  },
}

describe('hogqlCompletion', () => {
  it('offers fields of the tables the query reads, functions with signatures, and keywords', () => {
    const result = completeAt('select | from events', { schema })
    const offered = labels(result)
    expect(offered).toEqual(expect.arrayContaining(['event', 'timestamp', 'properties', 'person', 'countIf', 'SELECT']))
    expect(offered).not.toContain('amount')
    const countIf = result?.options.find((o) => o.label === 'countIf')
    expect(countIf).toMatchObject({ type: 'function', detail: '(cond) → UInt64' })
    expect(result?.options.find((o) => o.label === 'timestamp')).toMatchObject({ type: 'property', detail: 'datetime' })
  })

  it('offers only tables after FROM and JOIN', () => {
    const offered = labels(completeAt('select count() from ev|', { schema }))
    expect(offered.sort()).toEqual(['events', 'persons', 'stripe.invoices'])
    expect(labels(completeAt('select 1 from events e left join |', { schema }))).toContain('persons')
  })

  it('completes from the start of the word being typed', () => {
    const result = completeAt('select time| from events', { schema })
    expect(result?.from).toBe('select '.length)
  })

  it('follows joins: events.person. lists the fields of persons', () => {
    expect(labels(completeAt('select person.| from events', { schema })).sort()).toEqual(['id', 'properties'])
    expect(labels(completeAt('select events.person.| from events', { schema })).sort()).toEqual(['id', 'properties'])
  })

  it('offers event properties after properties., person properties after person.properties.', () => {
    const events = completeAt('select properties.$br| from events', { schema })
    expect(labels(events)).toContain('$browser')
    expect(events?.from).toBe('select properties.'.length)
    expect(labels(completeAt('select person.properties.| from events', { schema }))).toContain('email')
    expect(labels(completeAt('select person.properties.| from events', { schema }))).not.toContain('$browser')
  })

  it('follows field traversers through their chain', () => {
    expect(labels(completeAt('select person_properties.| from events', { schema }))).toContain('email')
  })

  it('offers the field list of a join whose table is not in the schema', () => {
    expect(labels(completeAt('select poe.| from events', { schema })).sort()).toEqual(['created_at', 'id'])
  })

  it('resolves aliases from FROM … AS and JOIN … alias', () => {
    const sql = 'select e.|, p.id from events AS e join persons p on e.person_id = p.id'
    expect(labels(completeAt(sql, { schema }))).toContain('timestamp')
    const persons = 'select e.event, p.| from events AS e join persons p on e.person_id = p.id'
    expect(labels(completeAt(persons, { schema })).sort()).toEqual(['id', 'properties'])
    expect(labels(completeAt('select | from events AS e', { schema }))).toContain('e')
  })

  it('offers the host-given property names instead of the built-in ones', () => {
    const offered = labels(
      completeAt('select properties.| from events', { schema, propertyNames: { events: ['plan'] } }),
    )
    expect(offered).toEqual(['plan'])
  })

  it('inserts PostHog’s spelling of a field (hogql_value) and backticks for names that need it', () => {
    const result = completeAt('select $ses| from events', { schema })
    expect(result?.options.find((o) => o.label === '$session_id')?.apply).toBe('`$session_id`')
  })

  it('completes {placeholders}: the window bounds and the host’s values', () => {
    const result = completeAt('select 1 from events where timestamp >= {|}', { schema, values: ['plan'] })
    expect(labels(result)).toEqual(['period_start', 'period_end', 'plan'])
    expect(labels(completeAt('select {per|', { values: [] }))).toEqual(['period_start', 'period_end'])
  })

  it('offers nothing inside strings and comments, after numbers, or unasked on whitespace', () => {
    expect(completeAt("select 'prop|' from events", { schema })).toBeNull()
    expect(completeAt("select '{per|' from events", { schema })).toBeNull()
    expect(completeAt('select 1 -- from ev|', { schema })).toBeNull()
    expect(completeAt('select 1.|', { schema })).toBeNull()
    expect(completeAt('select |', { schema }, false)).toBeNull()
    expect(completeAt('select unknown_thing.|', { schema })).toBeNull()
  })

  it('falls back to PostHog’s core tables when no schema is given', () => {
    expect(labels(completeAt('select 1 from |'))).toEqual(
      expect.arrayContaining(['events', 'persons', 'groups', 'sessions']),
    )
    expect(labels(completeAt('select group_0.| from events'))).toContain('properties')
  })

  it('accepts the kit API’s list form of the schema (useSchema().data)', () => {
    const list = {
      tables: [
        {
          name: 'events',
          kind: 'posthog',
          fields: [
            { name: 'event', type: 'string', table: null, fields: [] },
            { name: 'properties', type: 'json', table: null, fields: ['plan', 'seats'] },
            { name: 'person', type: 'lazy_table', table: 'persons', fields: ['id', 'properties'] },
          ],
        },
        { name: 'persons', kind: 'posthog', fields: [{ name: 'id', type: 'string', table: null, fields: [] }] },
        { name: 'orders', kind: 'data_warehouse', fields: [{ name: 'total', type: 'float', table: null, fields: [] }] },
      ],
    }
    expect(labels(completeAt('select | from events', { schema: list }))).toEqual(
      expect.arrayContaining(['event', 'person']),
    )
    expect(labels(completeAt('select person.| from events', { schema: list }))).toEqual(['id'])
    // Property names listed on the JSON field (as the emulator reports those seen in the data) come first.
    expect(labels(completeAt('select properties.| from events', { schema: list }))).toEqual(['plan', 'seats'])
    const orders = completeAt('select 1 from ord|', { schema: list })?.options.find((o) => o.label === 'orders')
    expect(orders?.detail).toBe('data warehouse')
  })

  it('uses lower-case keywords when asked', () => {
    expect(labels(completeAt('sel|', { keywordCase: 'lower' }))).toContain('select')
  })
})

describe('completion apply', () => {
  const apply = (marked: string, label: string, config = { schema }) => {
    const state = stateAt(marked, hogql(config))
    const view = new EditorView({ state })
    const result = completeAt(marked, config)
    const option = result?.options.find((o) => o.label === label)
    if (!result || !option) throw new Error(`no completion ${label}`)
    if (typeof option.apply === 'function') option.apply(view, option, result.from, state.selection.main.head)
    else view.dispatch({ changes: { from: result.from, to: state.selection.main.head, insert: option.apply ?? label } })
    const text = view.state.doc.toString()
    const cursor = view.state.selection.main.head
    view.destroy()
    return `${text.slice(0, cursor)}|${text.slice(cursor)}`
  }

  it('puts the cursor inside the parentheses of a function', () => {
    expect(apply('select coun|', 'countIf')).toBe('select countIf(|)')
    expect(apply('select coun|(x)', 'countIf')).toBe('select countIf(|x)')
  })

  it('closes a placeholder brace only when it is still open', () => {
    expect(apply('select {per|', 'period_start')).toBe('select {period_start}|')
    expect(apply('select {per|}', 'period_start')).toBe('select {period_start}|')
  })

  it('switches to bracket access for property names HogQL cannot read after a dot', () => {
    const config = { schema, propertyNames: { events: ['$feature/new-ui'] } }
    expect(apply('select properties.$fe| from events', '$feature/new-ui', config)).toBe(
      "select properties['$feature/new-ui']| from events",
    )
  })
})
