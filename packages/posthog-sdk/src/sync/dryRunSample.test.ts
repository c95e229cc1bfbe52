import { describe, expect, it } from 'vitest'
import { RejectReason } from '../mapping/index'
import { createInMemoryDirectory } from '../resolve/index'
import { exampleCatalog, productUsageQuery } from '../testing/index'
import { dryRunReportSchema } from './DryRunReport'
import { dryRunSample } from './dryRunSample'

const directory = createInMemoryDirectory([
  { id: 'acc_acme', name: 'Acme Inc.', domains: ['acme.com'] },
  { id: 'acc_globex', name: 'Globex', domains: ['globex.io'] },
  { id: 'acc_dup_1', name: 'Dup One', domains: ['shared.dev'] },
  { id: 'acc_dup_2', name: 'Dup Two', domains: ['shared.dev'] },
])

const definition = productUsageQuery({
  mapping: {
    account: { resolver: 'email_domain', column: 'email' },
    timestampColumn: 'day',
    valueColumn: 'value',
    metric: { name: 'events' },
  },
})

describe('dryRunSample', () => {
  it('returns would-write records, every would-reject, and the resolver match rate with examples', async () => {
    const sample = {
      columns: ['email', 'day', 'value'],
      types: ['String', 'Date', 'UInt64'],
      rows: [
        ['jane@acme.com', '2025-06-01', 3],
        ['bob@acme.com', '2025-06-02', 4],
        ['ann@globex.io', '2025-06-01', 'x'],
        ['joe@gmail.com', '2025-06-01', 1],
        ['eve@shared.dev', '2025-06-01', 1],
      ],
    }
    const report = dryRunReportSchema.parse(
      await dryRunSample(definition, sample, { catalog: exampleCatalog, directory }),
    )
    expect(report.error).toBeNull()
    expect(report.records.map((r) => [r.row, r.record.accountId])).toEqual([
      [1, 'acc_acme'],
      [2, 'acc_acme'],
    ])
    expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([
      [3, RejectReason.NotANumber],
      [4, RejectReason.UnmatchedAccount],
      [5, RejectReason.AmbiguousAccount],
    ])
    expect(report.counts).toEqual({
      wouldWrite: 2,
      rejected: 3,
      byReason: { not_a_number: 1, unmatched_account: 1, ambiguous_account: 1 },
    })
    // Distinct values looked up: jane@acme.com, bob@acme.com, joe@gmail.com, eve@shared.dev (row 3 failed mapping first).
    expect(report.resolver).toMatchObject({
      resolver: 'email_domain',
      total: 4,
      matched: 2,
      unmatched: 1,
      ambiguous: 1,
      matchRate: 0.5,
    })
    expect(report.resolver?.unmatchedExamples).toEqual([{ value: 'joe@gmail.com', reason: 'public_email_domain' }])
    expect(report.resolver?.ambiguousExamples[0]?.candidates.map((c) => c.accountId).sort()).toEqual([
      'acc_dup_1',
      'acc_dup_2',
    ])
  })

  it('reports a mapping that cannot apply in error instead of throwing', async () => {
    const report = await dryRunSample(
      definition,
      { columns: ['mail', 'day', 'value'], rows: [] },
      { catalog: exampleCatalog, directory },
    )
    expect(report.error?.code).toBe('missing_columns')
    expect(report.error?.message).toContain('"email"')
    expect(report.records).toEqual([])
  })
})
