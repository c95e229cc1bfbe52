import type { ApiFinishedRun, ApiInFlightRun, ApiRejectedRow } from '../../src/api/index'

/** A finished run report as the sync worker would save it. */
export function runFixture(
  overrides: Partial<ApiFinishedRun> & Pick<ApiFinishedRun, 'id' | 'queryId' | 'startedAt'>,
): ApiFinishedRun {
  return {
    trigger: 'schedule',
    queryName: 'Daily events',
    type: 'product_usage',
    status: 'partial',
    skipReason: null,
    dryRun: false,
    finishedAt: overrides.startedAt,
    durationMs: 1200,
    window: null,
    counts: { read: 10, written: 8, rejected: 2, unmatched: 2, ambiguous: 0, byReason: { unmatched_account: 2 } },
    reasons: [],
    posthog: { hogql: ['SELECT 1'], requests: 1, elapsedMs: 80, timings: [] },
    error: null,
    ...overrides,
  }
}

/** A run the worker has saved but not finished: `running` with progress (or `queued`, not started yet). */
export function inFlightRunFixture(
  overrides: Partial<ApiInFlightRun> & Pick<ApiInFlightRun, 'id' | 'queryId' | 'queuedAt'>,
): ApiInFlightRun {
  return {
    trigger: 'manual',
    queryName: 'Daily events',
    type: 'product_usage',
    status: 'running',
    dryRun: false,
    startedAt: overrides.queuedAt,
    progress: { rowsRead: 500, written: 490, rejected: 10 },
    ...overrides,
  }
}

/** `count` rejected rows, rows 1..count. */
export function rejectsFixture(count: number): ApiRejectedRow[] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 1,
    column: 'org_id',
    value: i === 0 ? '=HYPERLINK("http://evil")' : `org_${i}`,
    reason: 'unmatched_account',
    message: `No account has org id org_${i}.`,
    rowData: { org_id: `org_${i}`, value: i },
  }))
}
