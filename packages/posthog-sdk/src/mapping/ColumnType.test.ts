import { describe, expect, it } from 'vitest'
import { parseColumnType } from './ColumnType'

describe('parseColumnType', () => {
  it.each([
    ["DateTime64(6, 'UTC')", 'datetime', false, 'UTC'],
    ["Nullable(DateTime64(6, 'Europe/Berlin'))", 'datetime', true, 'Europe/Berlin'],
    ["DateTime('America/New_York')", 'datetime', false, 'America/New_York'],
    ['DateTime', 'datetime', false, null],
    ['Date', 'date', false, null],
    ['UInt64', 'integer', false, null],
    ['Nullable(Int32)', 'integer', true, null],
    ['Float64', 'float', false, null],
    ['Decimal(18, 4)', 'decimal', false, null],
    ['Bool', 'boolean', false, null],
    ['String', 'string', false, null],
    ['LowCardinality(Nullable(String))', 'string', true, null],
    ['Nullable(LowCardinality(String))', 'string', true, null],
    ['UUID', 'uuid', false, null],
    ['Array(String)', 'array', false, null],
    ['Map(String, String)', 'map', false, null],
    ['Tuple(String, UInt64)', 'tuple', false, null],
    ['Nothing', 'unknown', false, null],
  ])('parses %s', (raw, kind, nullable, timeZone) => {
    expect(parseColumnType(raw)).toEqual({ raw, kind, nullable, timeZone })
  })
})
