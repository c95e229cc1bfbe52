import { useId } from 'react'
import { describeSeries, formatDay, formatValue, type Series } from '../series/toSeries'

const W = 640
const H = 200
const PAD = { top: 12, right: 12, bottom: 28, left: 56 }

/** Props of {@link UsageChart}. */
export interface UsageChartProps {
  series: Series
  /** Names a run for the data table ("Daily events · Jun 2"), by run id. */
  runLabel?: (runId: string) => string
}

/**
 * One metric over time as a hand-drawn SVG line (a chart library would weigh more than this whole app's code).
 * The SVG is one `role="img"` named by its summary (points, span, range, latest); the exact values, with the run
 * that wrote each, are in a data table under it for keyboard and screen-reader users.
 */
export function UsageChart({ series, runLabel = (id) => id }: UsageChartProps) {
  const titleId = useId()
  const { points } = series
  const spanT = Math.max(series.last - series.first, 1)
  // A flat series still needs a visible range; zero is kept on the axis when all values are positive.
  const lo = Math.min(0, series.min)
  const hi = series.max === lo ? lo + 1 : series.max
  const x = (t: number) =>
    points.length === 1
      ? PAD.left + (W - PAD.left - PAD.right) / 2
      : PAD.left + ((t - series.first) / spanT) * (W - PAD.left - PAD.right)
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom)
  const line = points.map((p) => `${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')
  const summary = describeSeries(series)
  return (
    <figure className="pg-chart" data-metric={series.metric} aria-labelledby={titleId}>
      <figcaption id={titleId} className="pg-chart-title">
        {series.metric}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <line className="pg-axis" x1={PAD.left} x2={W - PAD.right} y1={y(lo)} y2={y(lo)} />
        <line className="pg-axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
        <text className="pg-tick" x={PAD.left - 6} y={y(hi) + 4} textAnchor="end">
          {formatValue(hi)}
        </text>
        <text className="pg-tick" x={PAD.left - 6} y={y(lo) + 4} textAnchor="end">
          {formatValue(lo)}
        </text>
        <text className="pg-tick" x={PAD.left} y={H - 8} textAnchor="start">
          {formatDay(series.first)}
        </text>
        {points.length > 1 ? (
          <text className="pg-tick" x={W - PAD.right} y={H - 8} textAnchor="end">
            {formatDay(series.last)}
          </text>
        ) : null}
        <polyline className="pg-line" points={line} fill="none" />
        {points.length <= 120
          ? points.map((p) => (
              <circle key={p.t} className="pg-dot" cx={x(p.t)} cy={y(p.value)} r={3}>
                <title>{`${formatDay(p.t)}: ${formatValue(p.value)}`}</title>
              </circle>
            ))
          : null}
      </svg>
      <details className="pg-chart-data">
        <summary>
          Data table ({points.length} {points.length === 1 ? 'point' : 'points'})
        </summary>
        <table>
          <caption className="pg-visually-hidden">{series.metric} per day</caption>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Value</th>
              <th scope="col">Written by</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.t}>
                <td>
                  {new Date(p.t)
                    .toISOString()
                    .replace('T', ' ')
                    .replace(/\.000Z$/, 'Z')}
                </td>
                <td className="pg-num">{formatValue(p.value)}</td>
                <td>{runLabel(p.runId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
