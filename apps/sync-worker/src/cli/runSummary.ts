import { type ApiRun, isRunInFlight } from '@statisfy/posthog-sdk'

const fmt = new Intl.NumberFormat('en-US')

/** The lines a person reads at the end of a run: status, counts, reasons with a sample each, the error and what to do. */
export function runSummary(run: ApiRun | null): string[] {
  if (!run) return ['The run is gone from the history.']
  if (isRunInFlight(run))
    return [
      `${run.id} ${run.queryName}: ${run.status} (read ${fmt.format(run.progress.rowsRead)}, written ${fmt.format(run.progress.written)})`,
    ]
  const lines = [
    `${run.id} ${run.queryName}: ${run.status}${run.skipReason ? ` (${run.skipReason})` : ''} in ${(run.durationMs / 1000).toFixed(1)} s`,
    `  read ${fmt.format(run.counts.read)}, written ${fmt.format(run.counts.written)}, rejected ${fmt.format(run.counts.rejected)} (unmatched ${fmt.format(run.counts.unmatched)}, ambiguous ${fmt.format(run.counts.ambiguous)})`,
  ]
  if (run.window) lines.push(`  window ${run.window.start} .. ${run.window.end}`)
  for (const reason of run.reasons) {
    const sample = reason.samples[0]
    lines.push(
      `  ${fmt.format(reason.count)} x ${reason.reason}${sample ? `: row ${sample.row}, ${sample.column} = ${JSON.stringify(sample.value)}: ${sample.message}` : ''}`,
    )
  }
  if (run.error) lines.push(`  error ${run.error.code}: ${run.error.message}`)
  lines.push(`  PostHog: ${run.posthog.requests} requests, ${(run.posthog.elapsedMs / 1000).toFixed(1)} s`)
  return lines
}
