import type { ApiFinishedRun } from '@statisfy/posthog-sdk'
import type { CSSProperties } from 'react'
import { useMessages } from '../../i18n/useMessages'
import { useDateFormat } from './useDateFormat'

/**
 * Rows per run as a bar chart, oldest on the left: rows written with the rejected ones stacked on top, on a baseline
 * with the scale's top labelled. Built from HTML boxes rather than a scaled SVG so bars keep a bounded width
 * (one run is one slim bar, a hundred runs share the width) and the labels keep their size at any width. Each bar has
 * a tooltip (date, status, written, rejected); the whole is one `role="img"` with a summary for screen readers
 * (the table below has every number). Finished runs only: a run in flight has no final counts yet.
 */
export function RunsChart({ runs }: { runs: readonly ApiFinishedRun[] }) {
  const m = useMessages()
  const ordered = [...runs].reverse()
  const number = (n: number) => n.toLocaleString(m.dateLocale)
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
  const day = useDateFormat({ dateStyle: 'medium' })
  const max = Math.max(1, ...ordered.map((run) => run.counts.written + run.counts.rejected))
  const written = ordered.reduce((sum, run) => sum + run.counts.written, 0)
  const rejected = ordered.reduce((sum, run) => sum + run.counts.rejected, 0)
  const first = ordered[0]
  const last = ordered.at(-1)
  if (!first || !last) return null
  // Runs of one day are told apart by their time.
  const sameDay = day.format(new Date(first.startedAt)) === day.format(new Date(last.startedAt))
  const axis = sameDay ? date : day
  const pct = (n: number): CSSProperties => ({ height: `${(n / max) * 100}%` })
  return (
    <div className="sf-chart">
      <div className="sf-chart-head" aria-hidden="true">
        <span className="sf-chart-max">{m.chartMax(number(max))}</span>
        <span className="sf-chart-legend">
          <span data-key="written">{m.runWritten}</span>
          <span data-key="rejected">{m.runRejected}</span>
        </span>
      </div>
      <div
        className="sf-chart-plot"
        role="img"
        aria-label={`${m.rowsPerRun}: ${m.chartSummary(
          ordered.length,
          day.format(new Date(first.startedAt)),
          day.format(new Date(last.startedAt)),
          number(written),
          number(rejected),
          number(max),
        )}`}
      >
        {ordered.map((run) => (
          <div
            key={run.id}
            className="sf-chart-bar"
            data-run={run.id}
            data-status={run.status}
            title={m.chartBar(
              date.format(new Date(run.startedAt)),
              m.statusLabels[run.status],
              number(run.counts.written),
              number(run.counts.rejected),
            )}
          >
            {run.counts.rejected > 0 ? <span className="sf-chart-rejected" style={pct(run.counts.rejected)} /> : null}
            <span className="sf-chart-written" style={pct(run.counts.written)} />
          </div>
        ))}
      </div>
      <div className="sf-chart-axis" aria-hidden="true">
        <span>{axis.format(new Date(first.startedAt))}</span>
        <span>{ordered.length > 1 ? axis.format(new Date(last.startedAt)) : null}</span>
      </div>
    </div>
  )
}
