import { describe, expect, it } from 'vitest'
import { isPostHogClientError } from '../errors/PostHogClientError'
import { caught, clientOf, useEmulator } from './emulatorFixture'

const emulator = useEmulator()

describe('query against the emulator', () => {
  it('TV1: returns columns, ClickHouse types from [name, type] pairs, rows and timings; no truncation with a LIMIT', async () => {
    const client = clientOf(emulator())
    const result = await client.query<[string, number]>(
      'select event, count() as c from events group by event order by c desc limit 2',
      { name: 'top events' },
    )
    expect(result.columns).toEqual(['event', 'c'])
    expect(result.types).toEqual(['String', 'UInt64'])
    expect(result.results).toHaveLength(2)
    expect(typeof result.results[0]![0]).toBe('string')
    expect(result.results[0]![1]).toBeGreaterThanOrEqual(result.results[1]![1])
    expect(result.hasMore).toBe(false)
    expect(result.truncation).toBeNull()
    expect(result.hogql).toMatch(/LIMIT 2/i)
    expect(result.clickhouse).toMatch(/SELECT/i)
    expect(result.query).toBe('select event, count() as c from events group by event order by c desc limit 2')
    expect(result.elapsedMs).toBeGreaterThan(0)
  })

  it('TV2: flags the implicit LIMIT 100 as truncation', async () => {
    const result = await clientOf(emulator()).query('select distinct_id, timestamp from events order by timestamp')
    expect(result.results).toHaveLength(100)
    expect(result.hasMore).toBe(true)
    expect(result.limit).toBe(100)
    expect(result.truncation).toEqual({ reason: 'implicit_limit', rowLimit: 100 })
    expect(result.types[1]).toMatch(/^DateTime/)
  })

  it('TV3: sends values for placeholders', async () => {
    const client = clientOf(emulator())
    const all = await client.query<[number]>("select count() from events where event = '$pageview'")
    const withValues = await client.query<[number]>(
      'select count() from events where event = {ev} and timestamp >= {since}',
      {
        values: { ev: '$pageview', since: '2000-01-01' },
      },
    )
    expect(withValues.results[0]![0]).toBe(all.results[0]![0])
    expect(all.results[0]![0]).toBeGreaterThan(0)
  })

  it('keeps UInt64 values above 2^53 exact, as strings by default and as bigint on request', async () => {
    const hogql = "select toUInt64('18446744073709551615') as big, toInt64('-9223372036854775808') as neg, 42 as small"
    const asString = await clientOf(emulator()).query(hogql)
    expect(asString.results[0]).toEqual(['18446744073709551615', '-9223372036854775808', 42])
    const asBigInt = await clientOf(emulator(), { wideIntegers: 'bigint' }).query(hogql)
    expect(asBigInt.results[0]).toEqual([18446744073709551615n, -9223372036854775808n, 42])
  })

  it('reads DateTime values with the project time zone offset', async () => {
    const berlin = clientOf(emulator(), { projectId: emulator().projects.berlin })
    const result = await berlin.query<[string]>('select timestamp from events order by timestamp desc limit 1')
    expect(result.results[0]![0]).toMatch(/T\d{2}:\d{2}:\d{2}(\.\d+)?\+0[12]:00$/)
  })

  it('TV4/TV5 with explainErrors: adds the positions PostHog only gives through HogQLMetadata', async () => {
    const hogql = 'select 1 + no_field from events'
    const error = await caught(clientOf(emulator()).query(hogql, { explainErrors: true }))
    expect(isPostHogClientError(error, 'hogql_resolution')).toBe(true)
    expect(error).toMatchObject({ start: 11, end: 19, status: 400 })
    const plain = await caught(clientOf(emulator()).query(hogql))
    expect(plain).toMatchObject({ code: 'hogql_resolution', start: undefined })
  })
})

describe('metadata and schema', () => {
  it('TV16: a valid query', async () => {
    const metadata = await clientOf(emulator()).metadata('select event from events')
    expect(metadata).toMatchObject({ isValid: true, errors: [], warnings: [] })
  })

  it('TV17: an invalid query, with positions', async () => {
    const metadata = await clientOf(emulator()).metadata('select 1 + no_field from events')
    expect(metadata.isValid).toBe(false)
    expect(metadata.errors[0]).toMatchObject({ message: expect.stringContaining('no_field'), start: 11, end: 19 })
  })

  it('TV18: tables and fields, including joins and property names', async () => {
    const schema = await clientOf(emulator()).schema()
    const events = schema.tables.find((t) => t.name === 'events')
    expect(events?.kind).toBe('posthog')
    const fields = new Map(events?.fields.map((f) => [f.name, f]))
    expect(fields.get('event')?.type).toBe('string')
    expect(fields.get('timestamp')?.type).toBe('datetime')
    expect(fields.get('person')?.type).toMatch(/field_traverser|lazy_table/)
    expect(schema.tables.some((t) => t.name === 'persons')).toBe(true)
  })
})
