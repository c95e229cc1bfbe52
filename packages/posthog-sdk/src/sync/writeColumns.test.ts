import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createInMemoryDirectory } from '../resolve/index'
import { createMemoryRecordSink, createStaticQueryClient, exampleCatalog, productUsageQuery } from '../testing/index'
import type { ProductUsageColumns } from './ProductUsageColumns'
import type { RecordSink, SinkRecordByType } from './RecordSink'
import type { SampledReject } from './RunReport'
import { runSync } from './runSync'

// The columnar path (`RecordSink.writeColumns`) must be invisible in everything but speed: the same input run
// through a sink with `writeColumns` and through one without must give the same batches, sink contents, reports
// and rejects.

const directory = createInMemoryDirectory([
  { id: 'acc_acme', name: 'Acme', orgIds: ['org_acme'] },
  { id: 'acc_globex', name: 'Globex', orgIds: ['org_globex'] },
  { id: 'acc_initech_1', name: 'Initech', orgIds: ['org_initech'] },
  { id: 'acc_initech_2', name: 'Initech EU', orgIds: ['org_initech'] },
])
const hogql = 'select org_id, day, metric, value from usage'
const definition = productUsageQuery({ hogql })
const columns = ['org_id', 'day', 'metric', 'value']
const types = ['String', "DateTime64(6, 'UTC')", 'String', 'Nullable(Float64)']
const clock = { now: () => Date.parse('2025-06-03T01:00:00Z') }

type UsageRecord = SinkRecordByType['product_usage']

function recordsOf(batch: ProductUsageColumns): UsageRecord[] {
  return Array.from({ length: batch.length }, (_, i) => ({
    row: batch.row[i] as number,
    accountRef: batch.accountRef[i] as string,
    accountId: batch.accountId[i] as string,
    metric: batch.metric[i] as string,
    timestamp: batch.timestamp[i] as string,
    value: batch.value[i] as number,
  }))
}

/**
 * What a batch's codes, dictionaries and epoch times contradict: each code must index its string, a code must keep
 * its value from batch to batch (`known`, per run), and `epochMs` must be `Date.parse` of the timestamp.
 */
function encodingProblems(batch: ProductUsageColumns, known: Map<string, string>): string[] {
  const problems: string[] = []
  for (let i = 0; i < batch.length; i++) {
    for (const column of ['accountRef', 'accountId', 'metric'] as const) {
      const code = batch.codes[column][i] as number
      const value = batch.dictionary[column][code]
      if (value !== batch[column][i])
        problems.push(`${column}[${i}]: code ${code} is ${value}, not ${batch[column][i]}`)
      const before = known.get(`${column}:${code}`)
      if (before !== undefined && before !== value) problems.push(`${column} code ${code} changed from ${before}`)
      known.set(`${column}:${code}`, value as string)
    }
    const timestamp = batch.timestamp[i] as string
    if (!Object.is(batch.epochMs[i], Date.parse(timestamp))) {
      problems.push(`epochMs[${i}] is ${batch.epochMs[i]} for ${timestamp}`)
    }
  }
  return problems
}

/** Runs `rows` through the in-memory sink with or without its columnar path, recording every batch as records. */
async function run(rows: unknown[][], columnar: boolean, batchSize: number, pageSize: number, rowTypes = types) {
  const memory = createMemoryRecordSink({ columns: columnar })
  const batches: UsageRecord[][] = []
  const problems: string[] = []
  const known = new Map<string, string>()
  const sink: RecordSink = {
    async write(batch, options) {
      if (batch.type === 'product_usage') batches.push([...batch.records])
      await memory.write(batch, options)
    },
    ...(columnar
      ? {
          async writeColumns(batch: ProductUsageColumns, options: { signal?: AbortSignal }) {
            batches.push(recordsOf(batch))
            problems.push(...encodingProblems(batch, known))
            await memory.writeColumns?.(batch, options)
          },
        }
      : {}),
  }
  const drained: SampledReject[] = []
  const client = createStaticQueryClient({ [hogql]: { columns, types: rowTypes, rows, pageSize } })
  const report = await runSync(
    definition,
    { client, sink, catalog: exampleCatalog, directory, clock },
    { batchSize, samplesPerReason: 3, onRejects: (rejects) => void drained.push(...rejects) },
  )
  return { report, batches, drained, problems, stored: memory.records('product_usage'), snapshot: memory.snapshot() }
}

const ref = fc.constantFrom('org_acme', 'org_globex', 'org_initech', 'org_unknown', '', null)
const repeatingTimestamp = fc.constantFrom('2025-06-01T00:00:00Z', '2025-06-02T00:00:00Z', 'not a date', null)
const metric = fc.constantFrom('events', 'exports', '', null)
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(2.5, '7', '1e3', 'x', null, Number.NaN))

describe('RecordSink.writeColumns', () => {
  it('gives the same batches, contents, reports and rejects as write, on any input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(ref, repeatingTimestamp, metric, value), { maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 11 }),
        async (tuples, distinct, batchSize, pageSize) => {
          // Distinct timestamps (per-event rows) take the engine's other loop.
          // Fractions of 1 to 9 digits: epochMs drops what is beyond the millisecond.
          const fraction = (i: number) => String((i * 7919) % 10 ** (1 + (i % 9))).padStart(1 + (i % 9), '0')
          const rows = tuples.map(([r, t, m, v], i) => [
            r,
            distinct && t !== null && t !== 'not a date'
              ? `2025-06-01T00:00:${String(i % 60).padStart(2, '0')}.${fraction(i)}Z`
              : t,
            m,
            v,
          ])
          const rowPath = await run(rows, false, batchSize, pageSize)
          const columnPath = await run(rows, true, batchSize, pageSize)
          expect(columnPath.report).toEqual(rowPath.report)
          expect(columnPath.batches).toEqual(rowPath.batches)
          expect(columnPath.drained).toEqual(rowPath.drained)
          expect(columnPath.stored).toEqual(rowPath.stored)
          expect(columnPath.snapshot).toEqual(rowPath.snapshot)
          expect(columnPath.problems).toEqual([])
        },
      ),
      { numRuns: 200 },
    )
  })

  it("gives every record its epoch time and dictionary codes, in both of the engine's loops and every timestamp form", async () => {
    const texts = [
      '2025-06-01T00:00:00Z',
      '2024-02-29T23:59:59.999999999Z',
      '0050-03-01T12:00:00.5Z',
      '9999-12-31T23:59:59.123456Z',
      '2025-06-01T02:00:00+02:00',
      '2025-06-01 10:00:00',
      1_750_000_000,
      '1750000000123',
    ]
    for (const distinct of [false, true]) {
      // Many distinct PostHog-form timestamps first make the engine choose its per-event loop.
      const lead = distinct
        ? Array.from({ length: 20 }, (_, i) => `2025-06-02T00:00:${String(i).padStart(2, '0')}Z`)
        : []
      const rows = [...lead, ...texts].map((t, i) => [i % 2 ? 'org_acme' : 'org_globex', t, `m${i % 3}`, i])
      const { report, problems, batches } = await run(rows, true, 3, 4, ['String', 'DateTime', 'String', 'Int64'])
      expect(report.counts.written).toBe(rows.length)
      expect(problems).toEqual([])
      expect(
        batches
          .flat()
          .slice(lead.length)
          .map((r) => r.timestamp),
      ).toEqual([
        '2025-06-01T00:00:00Z',
        '2024-02-29T23:59:59.999999999Z',
        '0050-03-01T12:00:00.5Z',
        '9999-12-31T23:59:59.123456Z',
        '2025-06-01T00:00:00.000Z',
        '2025-06-01T10:00:00.000Z',
        '2025-06-15T15:06:40.000Z',
        '2025-06-15T15:06:40.123Z',
      ])
    }
  })

  it('counts written, rejected, duplicates and unmatched alike on a known input', async () => {
    const rows = [
      ['org_acme', '2025-06-01T00:00:00Z', 'events', 10],
      ['org_acme', '2025-06-01T00:00:00Z', 'events', 11], // duplicate of row 1
      ['org_unknown', '2025-06-01T00:00:00Z', 'events', 1], // unmatched
      ['org_initech', '2025-06-01T00:00:00Z', 'events', 1], // ambiguous
      ['org_globex', 'not a date', 'events', 1], // bad timestamp
      ['org_globex', '2025-06-02T00:00:00Z', 'events', 'x'], // not a number
      ['org_globex', '2025-06-02T00:00:00Z', 'events', '4'],
    ]
    const rowPath = await run(rows, false, 2, 3)
    const columnPath = await run(rows, true, 2, 3)
    expect(columnPath.report.counts).toEqual({
      read: 7,
      written: 2,
      rejected: 5,
      unmatched: 1,
      ambiguous: 1,
      byReason: { duplicate_key: 1, unmatched_account: 1, ambiguous_account: 1, bad_timestamp: 1, not_a_number: 1 },
    })
    expect(columnPath.report).toEqual(rowPath.report)
    expect(columnPath.stored).toEqual(rowPath.stored)
    expect(columnPath.stored.map((r) => [r.row, r.accountId, r.value])).toEqual([
      [1, 'acc_acme', 10],
      [7, 'acc_globex', 4],
    ])
  })

  it('fails the run with the same sink_failed message on both paths', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ['org_acme', `2025-06-0${i + 1}T00:00:00Z`, 'events', i])
    const reports = await Promise.all(
      [false, true].map(async (columnar) => {
        const sink = createMemoryRecordSink({ columns: columnar, failAfterWrites: 1, error: new Error('disk full') })
        const client = createStaticQueryClient({ [hogql]: { columns, types, rows } })
        const report = await runSync(
          definition,
          { client, sink, catalog: exampleCatalog, directory, clock },
          {
            batchSize: 2,
          },
        )
        return { report, stored: sink.records('product_usage').length }
      }),
    )
    expect(reports[1]?.report.error).toEqual({
      code: 'sink_failed',
      message: 'Writing 2 product_usage records failed after 2 were written: disk full',
    })
    expect(reports[1]).toEqual(reports[0])
  })

  it('is not called in a dry run', async () => {
    const sink = createMemoryRecordSink()
    const rows = [['org_acme', '2025-06-01T00:00:00Z', 'events', 1]]
    const client = createStaticQueryClient({ [hogql]: { columns, types, rows } })
    const report = await runSync(
      definition,
      { client, sink, catalog: exampleCatalog, directory, clock },
      {
        dryRun: true,
      },
    )
    expect(report.counts.written).toBe(1)
    expect(sink.writes).toBe(0)
  })
})
