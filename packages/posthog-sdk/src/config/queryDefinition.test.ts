import { describe, expect, it } from 'vitest'
import { ConfigError } from './ConfigError'
import { parseCatalog } from './catalog'
import { mappedColumns } from './mappedColumns'
import { parseQueryDefinition, queryDefinitionSchema } from './queryDefinition'

const base = {
  version: 1,
  id: 'weekly-active-users',
  name: 'Weekly active users',
  hogql: 'select org, count() from events where timestamp >= {period_start} and timestamp < {period_end} group by org',
  cadence: { kind: 'daily', at: '06:00', timeZone: 'UTC' },
  enabled: true,
}
const account = { resolver: 'crm_id', column: 'org' }
const productUsage = {
  ...base,
  type: 'product_usage',
  mapping: { account, valueColumn: 'value', timestampColumn: 'day', metric: { name: 'weekly_active_users' } },
}

function issues(input: unknown) {
  const result = queryDefinitionSchema.safeParse(input)
  if (result.success) throw new Error('expected a parse failure')
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('queryDefinitionSchema', () => {
  it('parses each query type', () => {
    expect(parseQueryDefinition(productUsage).type).toBe('product_usage')
    const longField = parseQueryDefinition({
      ...base,
      type: 'custom_field',
      mapping: { account, form: 'long', fieldColumn: 'field', valueColumn: 'value' },
    })
    expect(longField.type === 'custom_field' && longField.mapping.form).toBe('long')
    const wide = parseQueryDefinition({
      ...base,
      type: 'custom_field',
      values: { plan: 'enterprise', limit: 10, flags: [true, null] },
      mapping: { account, form: 'wide', fields: [{ column: 'plan', field: 'plan_tier' }] },
    })
    expect(wide.values).toEqual({ plan: 'enterprise', limit: 10, flags: [true, null] })
    const object = parseQueryDefinition({
      ...base,
      type: 'custom_object',
      mapping: {
        account: { resolver: 'custom_field:salesforce_account', column: 'org' },
        objectType: 'session',
        keyColumn: 'session_id',
        attributes: [{ column: 'duration', attribute: 'duration_s' }],
      },
    })
    expect(object.mapping.account.resolver).toBe('custom_field:salesforce_account')
  })

  it('accepts a label column for the metric', () => {
    const parsed = parseQueryDefinition({
      ...productUsage,
      mapping: { ...productUsage.mapping, metric: { column: 'event' } },
    })
    expect(parsed.type === 'product_usage' && parsed.mapping.metric).toEqual({ column: 'event' })
  })

  it('requires and checks the version', () => {
    const { version: _, ...unversioned } = productUsage
    expect(issues(unversioned)).toEqual([{ path: 'version', message: 'Add "version": 1 to the saved query.' }])
    expect(issues({ ...productUsage, version: 2 })[0]?.message).toMatch(/Unsupported saved query version 2/)
  })

  it('names the types when the type is unknown', () => {
    expect(issues({ ...productUsage, type: 'events' })[0]?.message).toMatch(
      /product_usage, custom_field, custom_object/,
    )
  })

  it.each([
    ['timestamp after account', { account: { resolver: 'crm_id', column: 'day' } }, 'mapping.timestampColumn'],
    ['value', { valueColumn: 'org' }, 'mapping.valueColumn'],
    ['metric label', { metric: { column: 'value' } }, 'mapping.metric.column'],
  ])('refuses one column in two roles (%s)', (_role, change, path) => {
    const found = issues({ ...productUsage, mapping: { ...productUsage.mapping, ...change } })
    expect(found).toHaveLength(1)
    expect(found[0]?.path).toBe(path)
    expect(found[0]?.message).toMatch(/already mapped as the .*different aliases/)
  })

  it('refuses duplicate columns and targets in wide and object mappings', () => {
    const wide = issues({
      ...base,
      type: 'custom_field',
      mapping: {
        account,
        form: 'wide',
        fields: [
          { column: 'plan', field: 'plan_tier' },
          { column: 'plan', field: 'plan_name' },
          { column: 'seats', field: 'plan_tier' },
        ],
      },
    })
    expect(wide.map((issue) => issue.path)).toEqual(['mapping.fields.1.column', 'mapping.fields.2.field'])
    const object = issues({
      ...base,
      type: 'custom_object',
      mapping: { account, objectType: 'session', keyColumn: 'org', attributes: [{ column: 'x', attribute: 'y' }] },
    })
    expect(object[0]?.path).toBe('mapping.keyColumn')
  })

  it('refuses unknown resolvers and accepts custom fields', () => {
    const found = issues({
      ...productUsage,
      mapping: { ...productUsage.mapping, account: { resolver: 'zip', column: 'org' } },
    })
    expect(found[0]).toEqual({ path: 'mapping.account.resolver', message: expect.stringMatching(/custom_field:<key>/) })
    expect(
      issues({
        ...productUsage,
        mapping: { ...productUsage.mapping, account: { resolver: 'custom_field:', column: 'org' } },
      }),
    ).toHaveLength(1)
  })

  it('refuses window placeholders and bad names in values', () => {
    const found = issues({ ...productUsage, values: { period_start: '2025-01-01', 'bad name': 1 } })
    expect(found.map((issue) => issue.path)).toEqual(['values.period_start', 'values.bad name'])
    expect(found[0]?.message).toMatch(/filled by each sync run/)
    expect(issues({ ...productUsage, values: { when: { nested: true } } })[0]?.path).toBe('values.when')
  })

  it('keeps a grain on a query that reads a window, and round-trips each grain', () => {
    for (const grain of ['hour', 'day', 'week_monday', 'week_sunday', 'month']) {
      expect(parseQueryDefinition({ ...productUsage, grain }).grain).toBe(grain)
    }
    expect(parseQueryDefinition(productUsage).grain).toBeUndefined()
  })

  it('refuses an unknown grain, naming the five', () => {
    expect(issues({ ...productUsage, grain: 'week' })).toEqual([
      {
        path: 'grain',
        message: expect.stringMatching(/"week" is not a grain; choose hour, day, week_monday, week_sunday, month/),
      },
    ])
  })

  it('refuses a grain on a query without both window placeholders, saying what to add', () => {
    const noWindow = 'select org, toStartOfDay(timestamp) as day, count() as value from events group by org, day'
    const onlyStart = 'select org, count() from events where timestamp >= {period_start} group by org'
    const inComment = 'select org, count() from events -- {period_start} {period_end}\ngroup by org'
    for (const hogql of [noWindow, onlyStart, inComment]) {
      expect(issues({ ...productUsage, hogql, grain: 'day' })).toEqual([
        {
          path: 'grain',
          message: expect.stringMatching(
            /reads no window\. Add WHERE timestamp >= \{period_start\}.*or remove the grain/,
          ),
        },
      ])
    }
    expect(queryDefinitionSchema.safeParse({ ...productUsage, hogql: noWindow }).success).toBe(true)
  })

  it('refuses empty HogQL, names and bad ids', () => {
    expect(issues({ ...productUsage, hogql: '   ' })[0]).toEqual({ path: 'hogql', message: 'Write the HogQL query.' })
    expect(issues({ ...productUsage, name: ' ' })[0]?.path).toBe('name')
    expect(issues({ ...productUsage, id: 'has spaces' })[0]?.path).toBe('id')
    expect(issues({ ...productUsage, hogql: 'x'.repeat(100_001) })[0]?.message).toMatch(/longer than 100000/)
  })

  it('refuses an incomplete mapping with the missing field path', () => {
    const found = issues({ ...productUsage, mapping: { account, valueColumn: '', metric: {} } })
    expect(found.map((issue) => issue.path).sort()).toEqual([
      'mapping.metric',
      'mapping.timestampColumn',
      'mapping.valueColumn',
    ])
  })

  it('throws a ConfigError from parseQueryDefinition', () => {
    expect(() => parseQueryDefinition({ ...productUsage, enabled: 'yes' })).toThrow(ConfigError)
    expect(() => parseQueryDefinition(null)).toThrow(/saved PostHog query/)
  })
})

describe('mappedColumns', () => {
  it('lists every column with its role', () => {
    const parsed = parseQueryDefinition({
      ...productUsage,
      mapping: { ...productUsage.mapping, metric: { column: 'event' } },
    })
    expect(mappedColumns(parsed).map(({ column, role }) => `${role}:${column}`)).toEqual([
      'account:org',
      'value:value',
      'timestamp:day',
      'metric label:event',
    ])
  })
})

describe('parseCatalog', () => {
  it('parses a catalog and requires enum options', () => {
    const catalog = parseCatalog({
      customFields: [{ key: 'plan', label: 'Plan', type: 'enum', options: ['free', 'pro'] }],
      objectTypes: [
        {
          key: 'session',
          label: 'Session',
          attributes: [{ key: 'duration', label: 'Duration', type: 'number', required: true }],
        },
      ],
      resolvers: ['crm_id', 'custom_field:sfdc'],
    })
    expect(catalog.customFields[0]?.options).toEqual(['free', 'pro'])
    expect(() =>
      parseCatalog({ customFields: [{ key: 'plan', label: 'Plan', type: 'enum' }], objectTypes: [], resolvers: [] }),
    ).toThrow(/customFields\.0\.options: An enum field needs/)
  })
})
