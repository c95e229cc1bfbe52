import type { ApiRun } from '@statisfy/posthog-sdk'
import { useId } from 'react'
import { useMessages } from '../../i18n/useMessages'

const WIDTH = 480
const HEIGHT = 96
const GAP = 2

/**
 * Rows written per run as a small bar chart, oldest on the left; bar colour follows the run's status. An SVG with
 * `role="img"`, a title, and a `<title>` per bar, so screen readers get the numbers too.
 */
export function RunsChart({ runs }: { runs: readonly ApiRun[] }) {
  const m = useMessages()
  const titleId = useId()
  const ordered = [...runs].reverse()
  const max = Math.max(1, ...ordered.map((run) => run.counts.written))
  const barWidth = ordered.length > 0 ? WIDTH / ordered.length - GAP : 0
  const date = new Intl.DateTimeFormat(m.dateLocale, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <svg
      className="sf-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{m.rowsPerRun}</title>
      {ordered.map((run, i) => {
        // Keep a sliver for runs that wrote nothing, so failed and skipped runs stay visible.
        const height = Math.max(2, (run.counts.written / max) * (HEIGHT - 4))
        return (
          <rect
            key={run.id}
            data-status={run.status}
            x={i * (barWidth + GAP)}
            y={HEIGHT - height}
            width={barWidth}
            height={height}
            rx={1}
          >
            <title>{`${date.format(new Date(run.startedAt))}: ${m.runWritten} ${run.counts.written.toLocaleString(m.dateLocale)} (${m.statusLabels[run.status]})`}</title>
          </rect>
        )
      })}
    </svg>
  )
}
