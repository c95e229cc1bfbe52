import { describe, expect, it } from 'vitest'
import { customFieldQuery, customObjectQuery, exampleCatalog, productUsageQuery } from '../testing/index'
import { type MapResult, mapResult } from './mapResult'
import { RejectReason } from './RejectReason'

/** Narrows a result to one query type (fails the test otherwise). */
function ofType<T extends MapResult['type']>(type: T, result: MapResult): Extract<MapResult, { type: T }> {
  if (result.type !== type) throw new Error(`expected ${type} records, got ${result.type}`)
  return result as Extract<MapResult, { type: T }>
}

const usageColumns = ['org_id', 'day', 'metric', 'value']
const usageTypes = ['String', "DateTime64(6, 'UTC')", 'String', 'UInt64']

describe('mapResult: product_usage', () => {
  it('maps rows to records with UTC ISO timestamps and numbers', () => {
    const result = mapResult(
      productUsageQuery(),
      {
        columns: usageColumns,
        types: usageTypes,
        rows: [
          ['org_1', '2025-06-01T00:00:00Z', 'events', 12],
          [' org_2 ', '2025-06-01T02:00:00+02:00', 'events', '7.5'],
          [42, 1748736000, 'events', 3n],
        ],
      },
      exampleCatalog,
    )
    expect(result.rejects).toEqual([])
    expect(result.records).toEqual([
      { row: 1, accountRef: 'org_1', metric: 'events', timestamp: '2025-06-01T00:00:00Z', value: 12 },
      { row: 2, accountRef: 'org_2', metric: 'events', timestamp: '2025-06-01T00:00:00.000Z', value: 7.5 },
      { row: 3, accountRef: '42', metric: 'events', timestamp: '2025-06-01T00:00:00.000Z', value: 3 },
    ])
  })

  it('uses a fixed metric name when the mapping gives one', () => {
    const definition = productUsageQuery({
      mapping: { ...productUsageQuery().mapping, metric: { name: 'weekly_active_users' } },
    })
    const result = mapResult(
      definition,
      { columns: ['org_id', 'day', 'value'], rows: [['org_1', '2025-06-01', 5]] },
      exampleCatalog,
    )
    expect(result.records).toEqual([
      { row: 1, accountRef: 'org_1', metric: 'weekly_active_users', timestamp: '2025-06-01T00:00:00.000Z', value: 5 },
    ])
  })

  it('rejects bad rows with row, column, value and reason, and keeps going', () => {
    const result = mapResult(
      productUsageQuery(),
      {
        columns: usageColumns,
        types: usageTypes,
        rows: [
          [null, '2025-06-01T00:00:00Z', 'events', 1],
          ['org_1', 'not a date', 'events', 1],
          ['org_1', '2025-06-01T00:00:00Z', 'events', 'many'],
          ['org_1', '2025-06-01T00:00:00Z', '', 1],
          [2 ** 60, '2025-06-01T00:00:00Z', 'events', 1],
          ['org_1', '2025-06-01T00:00:00Z', 'events', 1],
        ],
      },
      exampleCatalog,
    )
    expect(result.rejects.map(({ row, column, value, reason }) => ({ row, column, value, reason }))).toEqual([
      { row: 1, column: 'org_id', value: null, reason: RejectReason.MissingAccount },
      { row: 2, column: 'day', value: 'not a date', reason: RejectReason.BadTimestamp },
      { row: 3, column: 'value', value: 'many', reason: RejectReason.NotANumber },
      { row: 4, column: 'metric', value: '', reason: RejectReason.MissingMetric },
      { row: 5, column: 'org_id', value: 2 ** 60, reason: RejectReason.UnsafeInteger },
    ])
    expect(result.rejects[1]?.message).toMatch(/^Column "day": "not a date" is not a timestamp/)
    expect(result.records.map((r) => r.row)).toEqual([6])
  })

  it('names the first bad cell in mapping order (account, metric, timestamp, value), also for repeated values', () => {
    const rows = [
      [null, 'not a date', '', 'many'],
      ['org_1', 'not a date', '', 'many'],
      ['org_1', 'not a date', 'events', 'many'],
      ['org_1', '2025-06-01T00:00:00Z', 'events', 'many'],
    ]
    const result = mapResult(
      productUsageQuery(),
      { columns: usageColumns, types: usageTypes, rows: [...rows, ...rows] },
      exampleCatalog,
    )
    const reasons = [RejectReason.MissingAccount, RejectReason.MissingMetric, RejectReason.BadTimestamp]
    const expected = [...reasons, RejectReason.NotANumber]
    expect(result.rejects.map((r) => r.reason)).toEqual([...expected, ...expected])
    expect(result.rejects[5]).toMatchObject({ row: 6, column: 'metric', value: '' })
    expect(result.records).toEqual([])
  })
})

describe('mapResult: custom_field', () => {
  it('long form: finds the field by key (any case) and coerces to its type', () => {
    const result = ofType(
      'custom_field',
      mapResult(
        customFieldQuery(),
        {
          columns: ['org_id', 'field', 'value'],
          types: ['String', 'String', 'Nullable(String)'],
          rows: [
            ['org_1', 'plan', 'Growth'],
            ['org_1', 'SEATS', '25'],
            ['org_1', 'is_trial', '0'],
            ['org_1', 'renewal_date', '2026-01-31T00:00:00+01:00'],
            ['org_1', 'segment', null],
            ['org_1', 'colour', 'red'],
            ['org_1', 'plan', 'platinum'],
            ['org_1', 'is_trial', 'perhaps'],
            ['org_1', 'renewal_date', 'next year'],
            ['org_1', 'seats', 'lots'],
            ['org_1', 'csm_email', ''],
          ],
        },
        exampleCatalog,
      ),
    )
    expect(result.records.map(({ field, value }) => [field, value])).toEqual([
      ['plan', 'growth'],
      ['seats', 25],
      ['is_trial', false],
      ['renewal_date', '2026-01-31'],
      ['segment', null],
    ])
    expect(result.rejects.map(({ row, column, reason }) => [row, column, reason])).toEqual([
      [6, 'field', RejectReason.UnknownField],
      [7, 'value', RejectReason.BadEnumValue],
      [8, 'value', RejectReason.BadBoolean],
      [9, 'value', RejectReason.BadDate],
      [10, 'value', RejectReason.NotANumber],
      [11, 'value', RejectReason.MissingRequired],
    ])
  })

  it('wide form: one record per mapped column; a bad cell rejects only that field', () => {
    const definition = customFieldQuery({
      mapping: {
        account: { resolver: 'org_id', column: 'org_id' },
        form: 'wide',
        fields: [
          { column: 'plan', field: 'plan' },
          { column: 'seats', field: 'seats' },
          { column: 'trial', field: 'is_trial' },
        ],
      },
    })
    const result = ofType(
      'custom_field',
      mapResult(
        definition,
        {
          columns: ['org_id', 'plan', 'seats', 'trial'],
          types: ['String', 'LowCardinality(String)', 'Nullable(Float64)', 'UInt8'],
          rows: [
            ['org_1', 'free', 3, 1],
            ['org_2', 'gold', null, 0],
            ['', 'free', 1, 1],
          ],
        },
        exampleCatalog,
      ),
    )
    expect(result.records.map(({ row, accountRef, field, value }) => [row, accountRef, field, value])).toEqual([
      [1, 'org_1', 'plan', 'free'],
      [1, 'org_1', 'seats', 3],
      [1, 'org_1', 'is_trial', true],
      [2, 'org_2', 'seats', null],
      [2, 'org_2', 'is_trial', false],
    ])
    expect(result.rejects.map(({ row, column, reason }) => [row, column, reason])).toEqual([
      [2, 'plan', RejectReason.BadEnumValue],
      [3, 'org_id', RejectReason.MissingAccount],
    ])
  })
})

describe('mapResult: custom_object', () => {
  const definition = customObjectQuery({
    mapping: {
      account: { resolver: 'org_id', column: 'org_id' },
      objectType: 'feature_adoption',
      keyColumn: 'key',
      attributes: [
        { column: 'feature', attribute: 'feature' },
        { column: 'users', attribute: 'users' },
        { column: 'first_used', attribute: 'first_used' },
        { column: 'tier', attribute: 'tier' },
      ],
    },
  })
  const columns = ['org_id', 'key', 'feature', 'users', 'first_used', 'tier']

  it('maps records with coerced attributes', () => {
    const result = mapResult(
      definition,
      { columns, rows: [['org_1', 'org_1:export', 'export', '12', '2025-05-02T10:00:00Z', 'Addon']] },
      exampleCatalog,
    )
    expect(result.records).toEqual([
      {
        row: 1,
        accountRef: 'org_1',
        objectType: 'feature_adoption',
        key: 'org_1:export',
        attributes: { feature: 'export', users: 12, first_used: '2025-05-02', tier: 'addon' },
      },
    ])
  })

  it('rejects a whole row on a missing key, a missing required attribute or a bad attribute', () => {
    const result = mapResult(
      definition,
      {
        columns,
        rows: [
          ['org_1', null, 'export', 1, null, null],
          ['org_1', 'k2', null, 1, null, null],
          ['org_1', 'k3', 'export', 'some', null, null],
          ['org_1', 'k4', 'export', 1, null, 'premium'],
        ],
      },
      exampleCatalog,
    )
    expect(result.records).toEqual([])
    expect(result.rejects.map(({ row, column, reason }) => [row, column, reason])).toEqual([
      [1, 'key', RejectReason.MissingKey],
      [2, 'feature', RejectReason.MissingRequired],
      [3, 'users', RejectReason.NotANumber],
      [4, 'tier', RejectReason.BadEnumValue],
    ])
  })
})

describe('mapResult: column types and awkward cells', () => {
  it("reads PostHog's [name, type] pairs, unwrapping Nullable and LowCardinality to find a DateTime column's zone", () => {
    const result = ofType(
      'product_usage',
      mapResult(
        productUsageQuery(),
        {
          columns: usageColumns,
          types: [
            ['org_id', 'LowCardinality(Nullable(String))'],
            ['day', "Nullable(DateTime('Europe/Berlin'))"],
            ['metric', 'LowCardinality(String)'],
            ['value', 'Nullable(Float64)'],
          ],
          rows: [
            ['org_1', '2025-06-01 14:00:00', 'events', 1],
            // In the spring-forward gap: moved forward by the hour, like Temporal's 'compatible'.
            ['org_1', '2025-03-30 02:30:00', 'events', 2],
            ['org_1', '1969-07-20 20:17:40', 'events', 3],
          ],
        },
        exampleCatalog,
      ),
    )
    expect(result.rejects).toEqual([])
    expect(result.records.map((r) => r.timestamp)).toEqual([
      '2025-06-01T12:00:00.000Z',
      '2025-03-30T01:30:00.000Z',
      '1969-07-20T19:17:40.000Z',
    ])
  })

  it('rejects nulls and empty text in Nullable and plain columns alike, with the reason of the role', () => {
    const rows = [
      [null, '2025-06-01T00:00:00Z', 'events', 1],
      ['org_1', null, 'events', 1],
      ['org_1', '', 'events', 1],
      ['org_1', '2025-06-01T00:00:00Z', null, 1],
      ['org_1', '2025-06-01T00:00:00Z', 'events', null],
      ['org_1', '2025-06-01T00:00:00Z', 'events', ''],
    ]
    const reasons = [
      RejectReason.MissingAccount,
      RejectReason.BadTimestamp,
      RejectReason.BadTimestamp,
      RejectReason.MissingMetric,
      RejectReason.NotANumber,
      RejectReason.NotANumber,
    ]
    const nullable = ['Nullable(String)', "Nullable(DateTime64(6, 'UTC'))", 'LowCardinality(Nullable(String))']
    for (const types of [usageTypes, [...nullable, 'Nullable(UInt64)']]) {
      const result = mapResult(productUsageQuery(), { columns: usageColumns, types, rows }, exampleCatalog)
      expect(result.records).toEqual([])
      expect(result.rejects.map((r) => r.reason)).toEqual(reasons)
      for (const reject of result.rejects)
        expect(reject.message).toMatch(/^Column "\w+": (empty \(null\)|an empty string)/)
    }
  })

  it('refuses NaN and infinite numbers as account references and values, and reads number-like text', () => {
    const result = ofType(
      'product_usage',
      mapResult(
        productUsageQuery(),
        {
          columns: usageColumns,
          types: usageTypes,
          rows: [
            [Number.NaN, '2025-06-01T00:00:00Z', 'events', 1],
            [Number.POSITIVE_INFINITY, '2025-06-01T00:00:00Z', 'events', 1],
            ['org_1', '2025-06-01T00:00:00Z', 'events', Number.NaN],
            ['org_1', '2025-06-01T00:00:00Z', 'events', '1e400'],
            ['org_1', '2025-06-01T00:00:00Z', 'events', ' 12 '],
            ['org_1', '2025-06-01T00:00:00Z', 'events', '1e3'],
            ['org_1', '2025-06-01T00:00:00Z', 'events', -0],
          ],
        },
        exampleCatalog,
      ),
    )
    expect(result.rejects.map(({ row, reason }) => [row, reason])).toEqual([
      [1, RejectReason.MissingAccount],
      [2, RejectReason.MissingAccount],
      [3, RejectReason.NotANumber],
      [4, RejectReason.NotANumber],
    ])
    expect(result.records.map((r) => [r.row, r.value])).toEqual([
      [5, 12],
      [6, 1000],
      [7, -0],
    ])
  })

  it('rejects the rows of a column in a time zone the runtime does not know, and maps the rest', () => {
    const result = mapResult(
      productUsageQuery(),
      {
        columns: usageColumns,
        types: ['String', "DateTime64(3, 'Mars/Olympus_Mons')", 'String', 'UInt64'],
        rows: [
          ['org_1', '2025-06-01 12:00:00.000', 'events', 1],
          ['org_1', '2025-06-01T12:00:00.000Z', 'events', 2],
        ],
      },
      exampleCatalog,
    )
    expect(result.rejects).toMatchObject([{ row: 1, column: 'day', reason: RejectReason.BadTimestamp }])
    expect(result.rejects[0]?.message).toContain("toTimeZone(column, 'UTC')")
    expect(result.records.map((r) => r.row)).toEqual([2])
  })

  it('writes null for a null in a Nullable custom-field column and rejects it when the field is required', () => {
    const definition = customFieldQuery({
      mapping: {
        account: { resolver: 'org_id', column: 'org_id' },
        form: 'wide',
        fields: [
          { column: 'renewal', field: 'renewal_date' },
          { column: 'csm', field: 'csm_email' },
        ],
      },
    })
    const result = ofType(
      'custom_field',
      mapResult(
        definition,
        {
          columns: ['org_id', 'renewal', 'csm'],
          types: ['String', 'Nullable(Date32)', 'LowCardinality(Nullable(String))'],
          rows: [
            ['org_1', null, null],
            ['org_2', '1950-01-31', 'ana@acme.com'],
          ],
        },
        exampleCatalog,
      ),
    )
    expect(result.records.map(({ row, field, value }) => [row, field, value])).toEqual([
      [1, 'renewal_date', null],
      [2, 'renewal_date', '1950-01-31'],
      [2, 'csm_email', 'ana@acme.com'],
    ])
    expect(result.rejects.map(({ row, column, reason }) => [row, column, reason])).toEqual([
      [1, 'csm', RejectReason.MissingRequired],
    ])
  })
})
