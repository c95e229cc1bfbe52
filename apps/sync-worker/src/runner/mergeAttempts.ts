import type { ApiFinishedRun, RunReport, SampledReject } from '@statisfy/posthog-sdk'
import type { Kysely } from 'kysely'
import type { Database } from '../db/Database'

/** Counts of the pages earlier attempts of a run committed. */
export interface CommittedCounts {
  read: number
  written: number
  rejected: number
}

export const noCounts: CommittedCounts = { read: 0, written: 0, rejected: 0 }

const SAMPLES_PER_REASON = 5

/**
 * The report of a run that was resumed (its worker died or shut down mid-run): the last attempt's report with the
 * counts of the pages earlier attempts committed added, and reasons recounted from the run's stored rejects (which
 * hold every committed page's rejects, numbered as one run), so the history shows the run as if it never stopped.
 */
export async function mergeAttempts(
  db: Kysely<Database>,
  runId: string,
  report: RunReport,
  base: CommittedCounts,
  firstStartedAt: string | null,
): Promise<RunReport> {
  if (base.read === 0 && base.written === 0 && base.rejected === 0 && !firstStartedAt) return report
  const startedAt =
    firstStartedAt && Date.parse(firstStartedAt) < Date.parse(report.startedAt) ? firstStartedAt : report.startedAt
  const counts = {
    ...report.counts,
    read: report.counts.read + base.read,
    written: report.counts.written + base.written,
    rejected: report.counts.rejected + base.rejected,
  }
  let reasons = report.reasons
  if (base.rejected > 0) {
    const rows = await db.selectFrom('run_rejects').select('data').where('run_id', '=', runId).orderBy('seq').execute()
    const byReason = new Map<string, { count: number; samples: SampledReject[] }>()
    for (const { data } of rows) {
      const reject = JSON.parse(data) as SampledReject
      const entry = byReason.get(reject.reason) ?? { count: 0, samples: [] }
      entry.count++
      if (entry.samples.length < SAMPLES_PER_REASON) entry.samples.push(reject)
      byReason.set(reject.reason, entry)
    }
    reasons = [...byReason]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([reason, { count, samples }]) => ({ reason, count, samples })) as RunReport['reasons']
    counts.byReason = Object.fromEntries([...byReason].map(([reason, { count }]) => [reason, count]))
    counts.unmatched = byReason.get('unmatched_account')?.count ?? 0
    counts.ambiguous = byReason.get('ambiguous_account')?.count ?? 0
  }
  return {
    ...report,
    startedAt,
    durationMs: Math.max(0, Date.parse(report.finishedAt) - Date.parse(startedAt)),
    counts,
    reasons,
  }
}

/** The finished record of a run: its report, id and trigger. */
export function finishedRecord(report: RunReport, id: string, trigger: ApiFinishedRun['trigger']): ApiFinishedRun {
  return { ...report, id, trigger }
}
